using System.Text.Json.Serialization;

namespace Diskominfo.Newsroom.Users.Models;

/// <summary>
/// An account as the admin API and the desk show it. <see cref="Section"/> is the bidang or seksi id (Organization
/// module); <see cref="TemporaryPassword"/> is only there in the answer that created the account.
/// </summary>
public sealed record UserView(
    string Id,
    string UserName,
    string FullName,
    string? Nip,
    string? Email,
    IReadOnlyList<string> Roles,
    Guid? Section,
    bool Disabled,
    DateTimeOffset? LastSignInAt,
    string? SectionName,
    string? Phone,
    string? PhotoCredit,
    bool MustChangePassword,
    bool LockedOut,
    bool TwoFactorEnabled,
    DateTimeOffset? CreatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TemporaryPassword { get; init; }
}
