namespace Diskominfo.Newsroom.Abstractions.Organization;

/// <summary>A bidang or a seksi of the office; a seksi's <see cref="ParentId"/> is its bidang.</summary>
public sealed record OrgSection(Guid Id, string Kind, string Name, Guid? ParentId, bool Active, string? Code = null);
