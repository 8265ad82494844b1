using System.Security.Claims;

namespace Diskominfo.Newsroom.Abstractions.Security;

/// <summary>Who is acting: taken from the signed-in principal and passed into every use case.</summary>
public sealed record Actor(string UserId, string UserName, string DisplayName, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsStaff => Roles.Count > 0;

    /// <summary>Approvers, archivists, operators and admins see every item's work; reporters only their own.</summary>
    public bool SeesAllWork => Roles.Any(r => r is not NewsroomRoles.Reporter);

    public static Actor? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub");
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var name = principal.FindFirstValue(ClaimTypes.Name) ?? principal.Identity.Name ?? id;
        var display = principal.FindFirstValue(NewsroomClaims.DisplayName) ?? name;
        var roles = principal.FindAll(c => c.Type is ClaimTypes.Role or "role").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(id, name, display, roles);
    }

    /// <summary>The background jobs act as the system.</summary>
    public static Actor System { get; } = new("system", "system", "Sistem", new HashSet<string>());
}
