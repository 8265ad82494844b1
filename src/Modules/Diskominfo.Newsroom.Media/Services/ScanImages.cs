using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Media.Data;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.EntityFrameworkCore;
using NetVips;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Scans made ready for print (the clipping book): an image shrunk while it is decoded to the size asked, metadata
/// dropped; a PDF scan's first page rasterised by poppler. Each is made once and kept beside the renditions
/// (<c>{id}-cetak{pixels}.jpg</c>, staff only, never served to readers): when a clipping's scan is uploaded
/// (<see cref="PrepareAsync"/>), else the first time a book asks for it. A book then reads a few hundred kilobytes per
/// clipping instead of decoding a page-size scan; those it still has to make are made as many at once as the node
/// has cores.
/// </summary>
internal sealed class ScanImages(MediaDbContext db, MediaStorage storage, PdfPages pdfPages) : IScanImages
{
    public async Task<IReadOnlyDictionary<Guid, byte[]>> PrintImagesAsync(IReadOnlyList<Guid> mediaIds, int maxPixels, CancellationToken cancellationToken)
    {
        var ids = mediaIds.Distinct().ToList();
        var files = new List<MediaFile>();
        foreach (var chunk in ids.Chunk(500))
        {
            files.AddRange(await db.Files.AsNoTracking().Where(f => chunk.Contains(f.Id)).ToListAsync(cancellationToken));
        }

        var images = new System.Collections.Concurrent.ConcurrentDictionary<Guid, byte[]>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            if (await GetOrMakeAsync(file, maxPixels, ct) is { } bytes)
            {
                images[file.Id] = bytes;
            }
        });
        return images;
    }

    /// <summary>Makes the print rendition of an uploaded scan (an image or a PDF) unless it is there already.</summary>
    public async Task PrepareAsync(MediaFile file, int maxPixels, CancellationToken cancellationToken)
        => _ = await GetOrMakeAsync(file, maxPixels, cancellationToken);

    private async Task<byte[]?> GetOrMakeAsync(MediaFile file, int maxPixels, CancellationToken cancellationToken)
    {
        var isPdf = file.ContentType == "application/pdf";
        if (!isPdf && !file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return null;
        }

        // An original never changes (a new upload is a new file), so its print rendition stays good. Not made yet: an
        // upload from before print renditions, a size changed, renditions not kept in backups.
        var rendition = MediaStorage.RenditionKey(file.Id, $"cetak{maxPixels}", null, "jpg");
        if (await storage.Store.LocalPathAsync(rendition, cancellationToken) is { } made)
        {
            try
            {
                return await File.ReadAllBytesAsync(made, cancellationToken);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Removed meanwhile: made again below.
            }
        }

        var path = await storage.LocalPathAsync(file.StoragePath, cancellationToken);
        if (path is null)
        {
            return null;
        }

        var bytes = isPdf ? await pdfPages.FirstPageJpegAsync(path, maxPixels, cancellationToken) : Shrink(path, maxPixels);
        if (bytes is not null)
        {
            try
            {
                await storage.Store.WriteAsync(rendition, bytes, "image/jpeg", cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not kept (a full disk, the object store not answering): the book still prints it, and the next one
                // makes it again.
            }
        }

        return bytes;
    }

    private static byte[]? Shrink(string path, int maxPixels)
    {
        VipsSettings.Apply();
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
