namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// A bidang or seksi as an admin sends it. <paramref name="Kind"/> is read only when creating; <paramref name="ParentId"/>
/// is text so that a malformed id gets its own field error (left out when changing a seksi, it keeps its bidang);
/// <paramref name="Active"/> null leaves it as it is.
/// </summary>
public sealed record SectionInput(string? Kind, string? Name, string? Code, string? ParentId, bool? Active = null);
