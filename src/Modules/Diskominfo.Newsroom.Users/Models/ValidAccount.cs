namespace Diskominfo.Newsroom.Users.Models;

/// <summary>An account's data once checked; <see cref="UserName"/> only on creation.</summary>
public sealed record ValidAccount(
    string? UserName, string FullName, string? Nip, string Email, string? Phone, IReadOnlyList<string> Roles, Guid? SectionId, string? PhotoCredit);
