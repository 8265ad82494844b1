using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// The demo accounts created in the Development environment: one per role, user name = role name, and a second
/// reporter (reporter2), as an office has several.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Diskominfo#2026";

    public static IReadOnlyList<(string UserName, string DisplayName, string Role)> All { get; } =
    [
        ("reporter", "Rina Peliput", NewsroomRoles.Reporter),
        ("reporter2", "Andi Peliput", NewsroomRoles.Reporter),
        ("kasi", "Budi Kepala Seksi", NewsroomRoles.Kasi),
        ("kabid", "Sari Kepala Bidang", NewsroomRoles.Kabid),
        ("kadis", "Ahmad Kepala Dinas", NewsroomRoles.Kadis),
        ("arsiparis", "Dewi Arsiparis", NewsroomRoles.Archivist),
        ("operator", "Yusuf Operator Website", NewsroomRoles.Operator),
        ("admin", "Admin Sistem", NewsroomRoles.Admin),
    ];
}
