using Diskominfo.Newsroom.Abstractions.Media;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>The reports' settings (<c>Newsroom:Reports</c>).</summary>
public sealed class ReportsOptions
{
    /// <summary>The office's name on the clipping book's cover and above the Kadis's signature.</summary>
    public string Office { get; set; } = "Dinas Komunikasi dan Informatika";

    /// <summary>A commercial PDFsharp key; empty runs PDFsharp under the AGPL (see the README's licenses).</summary>
    public string? PdfSharpLicenseKey { get; set; }

    /// <summary>
    /// The longest edge, in pixels, of a scan printed in the clipping book (about 200 dpi over most of an A4 page). The
    /// Media module makes each clipping scan's print rendition at <c>Newsroom:Media:ScanPrintPixels</c> when it is
    /// uploaded; at another size here, the book makes them the first time it is printed (slower) and keeps them.
    /// </summary>
    public int ScanPixels { get; set; } = ScanPrint.DefaultPixels;
}
