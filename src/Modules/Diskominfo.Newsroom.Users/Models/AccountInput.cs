namespace Diskominfo.Newsroom.Users.Models;

/// <summary>
/// What an admin sends to create or change an account. <see cref="UserName"/> is read on creation only;
/// <see cref="Section"/> is a bidang or seksi id, null or empty for none.
/// </summary>
public sealed record AccountInput(
    string? UserName,
    string? FullName,
    string? Nip,
    string? Email,
    string? Phone,
    IReadOnlyList<string>? Roles,
    string? Section,
    string? PhotoCredit);
