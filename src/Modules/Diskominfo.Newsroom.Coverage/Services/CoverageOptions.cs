namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>Settings of the coverage assignments (<c>Newsroom:Coverage</c>).</summary>
public sealed class CoverageOptions
{
    public const string Kadis = "kadis";
    public const string Kabid = "kabid";
    public const string Both = "both";

    /// <summary>Who dispositions coverage from the schedule: <c>kadis</c>, <c>kabid</c> or <c>both</c> (default).</summary>
    public string DispositionBy { get; set; } = Both;

    /// <summary>The office's name on the bulletin's cover.</summary>
    public string Office { get; set; } = "Dinas Komunikasi dan Informatika";

    /// <summary>Photos one report may take in one sending.</summary>
    public int MaxPhotosPerReport { get; set; } = 20;

    /// <summary>A commercial PDFsharp license key; without one PDFsharp runs under its AGPL license (as for the archive sheet).</summary>
    public string? PdfSharpLicenseKey { get; set; }

    /// <summary>The roles that may disposition, in the order tried.</summary>
    public IReadOnlyList<string> DispositionRoles => DispositionBy switch
    {
        Kadis => [Abstractions.Security.NewsroomRoles.Kadis],
        Kabid => [Abstractions.Security.NewsroomRoles.Kabid],
        _ => [Abstractions.Security.NewsroomRoles.Kadis, Abstractions.Security.NewsroomRoles.Kabid],
    };
}
