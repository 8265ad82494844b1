namespace Diskominfo.Newsroom.Abstractions.Media;

/// <summary>Scans for print (Media module): an image scaled down, a PDF scan's first page rasterised (poppler's pdftoppm).</summary>
public interface IScanImages
{
    /// <summary>
    /// A JPEG of each scan whose longest edge is at most <paramref name="maxPixels"/>: the print rendition kept since the
    /// upload when there is one, else made now on the node's cores in parallel (and kept for the next time); a scan that
    /// is missing or cannot be read (a PDF without poppler installed) is left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, byte[]>> PrintImagesAsync(IReadOnlyList<Guid> mediaIds, int maxPixels, CancellationToken cancellationToken);
}
