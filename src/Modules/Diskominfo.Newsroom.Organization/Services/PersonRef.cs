namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>An account named in the structure.</summary>
public sealed record PersonRef(string Id, string FullName);
