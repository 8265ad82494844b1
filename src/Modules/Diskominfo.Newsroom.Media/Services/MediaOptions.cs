using Diskominfo.Newsroom.Abstractions.Media;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>Upload limits and the print rendition of clipping scans (<c>Newsroom:Media</c>).</summary>
public sealed class MediaOptions
{
    /// <summary>The largest file by default; the desk's upload page is held to it before the file is read.</summary>
    public const long DefaultMaxBytes = 25 * 1024 * 1024;

    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Largest accepted photo in pixels (width x height); 60 MP covers every camera the office uses.</summary>
    public long MaxPixels { get; set; } = 60_000_000;

    /// <summary>How long an unfinished resumable upload is kept before the sweeper removes it.</summary>
    public int PartialUploadHours { get; set; } = 24;

    /// <summary>
    /// The longest edge of the print rendition made of a clipping's scan when it is uploaded, so the monthly clipping
    /// book need not decode page-size scans when it is printed; the same as <c>Newsroom:Reports:ScanPixels</c>.
    /// </summary>
    public int ScanPrintPixels { get; set; } = ScanPrint.DefaultPixels;

    /// <summary>
    /// How many renditions this node makes at once; further first requests wait their turn. 0 (the default): one per
    /// processor core. Each making holds a core and about 20 MiB of a camera photo's decoding buffers.
    /// </summary>
    public int RenditionWorkers { get; set; }
}
