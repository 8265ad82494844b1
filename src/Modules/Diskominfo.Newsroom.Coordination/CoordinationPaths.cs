namespace Diskominfo.Newsroom.Coordination;

/// <summary>The module's addresses: the desk's pages and the API.</summary>
internal static class CoordinationPaths
{
    public const string Desk = "/admin/kegiatan";
    public const string New = "/admin/kegiatan/baru";
    public const string Settings = "/admin/pengaturan/kegiatan";
    public const string Api = "/api/v1/activities";

    /// <summary>The Coverage module's page that dispositions coverage of an approved activity.</summary>
    public static string Coverage(Guid id) => $"/admin/liputan/baru?activity={id}";

    public static string Details(Guid id) => $"{Desk}/{id}";

    public static string DeskLetter(Guid id) => $"{Desk}/{id}?handler=Surat";

    public static string ApiItem(Guid id) => $"{Api}/{id}";

    public static string ApiLetter(Guid id) => $"{Api}/{id}/letter";
}
