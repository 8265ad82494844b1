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

    /// <summary>The office's time zone: the archive year is the local year.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";
}
