namespace Diskominfo.Newsroom.Abstractions.Security;

/// <summary>The office's roles (see DOMAIN.md). The values are the role names stored by Identity.</summary>
public static class NewsroomRoles
{
    public const string Reporter = "reporter";
    public const string Kasi = "kasi";
    public const string Kabid = "kabid";
    public const string Kadis = "kadis";
    public const string Archivist = "arsiparis";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Reporter, Kasi, Kabid, Kadis, Archivist, Operator, Admin];

    /// <summary>Indonesian title shown to users.</summary>
    public static string Title(string role) => role switch
    {
        Reporter => "Petugas Peliput",
        Kasi => "Kepala Seksi",
        Kabid => "Kepala Bidang",
        Kadis => "Kepala Dinas",
        Archivist => "Arsiparis",
        Operator => "Operator Website",
        Admin => "Admin Sistem",
        _ => role,
    };
}
