namespace Diskominfo.Newsroom.Abstractions.Security;

/// <summary>
/// An active account: id, name to greet, e-mail address (null when none is known), its roles, the section
/// (bidang or seksi, see <see cref="Organization.OrgSection"/>) it belongs to, and its user name.
/// </summary>
public sealed record DirectoryUser(
    string Id, string DisplayName, string? Email, IReadOnlyList<string>? Roles = null, Guid? SectionId = null, string? UserName = null)
{
    public bool IsInRole(string role) => Roles?.Contains(role) == true;
}
