using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Media.Data;
using Microsoft.EntityFrameworkCore;
using NetVips;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Scans made ready for print (the clipping book): an image shrunk while it is decoded to the size asked, metadata
/// dropped; a PDF scan's first page rasterised by poppler. As many at once as the node has cores.
/// </summary>
internal sealed class ScanImages(MediaDbContext db, MediaStorage storage, PdfPages pdfPages) : IScanImages
{
    public async Task<IReadOnlyDictionary<Guid, byte[]>> PrintImagesAsync(IReadOnlyList<Guid> mediaIds, int maxPixels, CancellationToken cancellationToken)
    {
        var ids = mediaIds.Distinct().ToList();
        var files = new List<Models.MediaFile>();
        foreach (var chunk in ids.Chunk(500))
        {
            files.AddRange(await db.Files.AsNoTracking().Where(f => chunk.Contains(f.Id)).ToListAsync(cancellationToken));
        }

        VipsSettings.Apply();
        var images = new System.Collections.Concurrent.ConcurrentDictionary<Guid, byte[]>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            var path = await storage.LocalPathAsync(file.StoragePath, ct);
            if (path is null)
            {
                return;
            }

            var bytes = file.ContentType == "application/pdf"
                ? await pdfPages.FirstPageJpegAsync(path, maxPixels, ct)
                : file.ContentType.StartsWith("image/", StringComparison.Ordinal) ? Shrink(path, maxPixels) : null;
            if (bytes is not null)
            {
                images[file.Id] = bytes;
            }
        });
        return images;
    }

    private static byte[]? Shrink(string path, int maxPixels)
    {
        try
        {
            using var image = Image.Thumbnail(path, maxPixels, height: maxPixels, size: Enums.Size.Down);
            return image.JpegsaveBuffer(q: 75, optimizeCoding: true, keep: Enums.ForeignKeep.None);
        }
        catch (VipsException)
        {
            return null;
        }
    }
}
