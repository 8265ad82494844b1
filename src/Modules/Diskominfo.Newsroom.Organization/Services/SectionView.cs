namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// A bidang or seksi as the API and the desk show it: its head (the Kabid of a bidang, the Kasi of a seksi; none, one or
/// several accounts) and how many active accounts are placed in it.
/// </summary>
public sealed record SectionView(
    Guid Id, string Kind, string Name, string? Code, Guid? ParentId, string? ParentName, bool Active, IReadOnlyList<PersonRef> Heads, int Members);
