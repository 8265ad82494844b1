namespace Diskominfo.Newsroom.Theme;

/// <summary>
/// The public site's identity and addresses, under <c>Newsroom:Site</c> (the public address is the shared
/// <c>Newsroom:PublicBaseUrl</c>): what makes one regency's site its own.
/// </summary>
public sealed class SiteOptions
{
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public string Name { get; set; } = "Berita Kabupaten Contoh";

    public string Publisher { get; set; } = "Dinas Komunikasi dan Informatika Kabupaten Contoh";

    /// <summary>Articles per page on the category, archive and search pages.</summary>
    public int PageSize { get; set; } = 10;

    /// <summary>Keep public pages rendered for readers (off only to measure rendering itself).</summary>
    public bool CachePages { get; set; } = true;

    /// <summary>An absolute address on the public site.</summary>
    public string Absolute(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
