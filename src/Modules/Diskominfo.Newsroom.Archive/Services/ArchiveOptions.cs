namespace Diskominfo.Newsroom.Archive.Services;

/// <summary>
/// Filing settings (<c>Newsroom:Archive</c>). The classification codes follow the regency's filing scheme
/// (tata naskah dinas); defaults are the public-relations codes many regencies use, editable per office.
/// </summary>
public sealed class ArchiveOptions
{
    /// <summary>Pattern of the archive number: {code}, {seq} (zero padded to 4), {year}.</summary>
    public string NumberFormat { get; set; } = "{code}/{seq}/DISKOMINFO/{year}";

    public Dictionary<string, string> Classifications { get; set; } = new()
    {
        ["press-release"] = "489",
        ["clipping"] = "487",
        ["adventorial"] = "485",
    };

    /// <summary>The names of the classification codes, printed on the archive sheet (the office's filing scheme).</summary>
    public Dictionary<string, string> ClassificationNames { get; set; } = new()
    {
        ["489"] = "Hubungan masyarakat: siaran pers",
        ["487"] = "Hubungan masyarakat: kliping media massa",
        ["485"] = "Hubungan masyarakat: publikasi berbayar (adventorial)",
        ["480"] = "Hubungan masyarakat",
    };

    public string ClassificationName(string code) => ClassificationNames.GetValueOrDefault(code, code);

    /// <summary>The office's name, printed at the top of the archive sheet.</summary>
    public string Office { get; set; } = "Dinas Komunikasi dan Informatika";

    /// <summary>
    /// A commercial PDFsharp license key; without one PDFsharp runs under its AGPL license (see README, Licenses).
    /// </summary>
    public string? PdfSharpLicenseKey { get; set; }

    /// <summary>The office's time zone: the archive year is the local year.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";
}
