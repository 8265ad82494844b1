namespace Diskominfo.Newsroom.Abstractions.Security;

/// <summary>
/// An active account: id, name to greet, e-mail address (null when none is known), its roles, the section
/// (bidang or seksi, see <see cref="Organization.OrgSection"/>) it belongs to, its user name, and its NIP (civil servant number)
/// when the admin entered one.
/// </summary>
public sealed record DirectoryUser(
    string Id, string DisplayName, string? Email, IReadOnlyList<string>? Roles = null, Guid? SectionId = null, string? UserName = null, string? Nip = null)
{
    public bool IsInRole(string role) => Roles?.Contains(role) == true;
}
