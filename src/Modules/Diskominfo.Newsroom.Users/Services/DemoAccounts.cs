using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// The demo accounts (Development, or <c>Newsroom:DemoAccounts=true</c>): one per role, user name = role name, a second
/// reporter (reporter2) in the same seksi, and a second seksi with its own Kasi and reporter (kasi2, reporter3).
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
        ("kasi2", "Wati Kepala Seksi", NewsroomRoles.Kasi),
        ("reporter3", "Joko Peliput", NewsroomRoles.Reporter),
    ];

    /// <summary>Where a demo account sits in the demo office (<see cref="DemoOrganization"/>); null for the Kadis and the staff roles.</summary>
    public static Guid? SectionOf(string userName) => userName switch
    {
        "reporter" or "reporter2" or "kasi" => DemoOrganization.SeksiMedia,
        "kasi2" or "reporter3" => DemoOrganization.SeksiKomunikasi,
        "kabid" => DemoOrganization.Bidang,
        _ => null,
    };
}
