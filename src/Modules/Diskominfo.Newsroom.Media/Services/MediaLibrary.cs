using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Media.Data;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>Renditions, made once from the original and kept on disk until the focal point changes.</summary>
internal sealed class MediaLibrary(MediaDbContext db, MediaStorage storage) : IMediaLibrary
{
    public async Task<byte[]?> GetRenditionAsync(Guid mediaId, SocialRendition rendition, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        return file is null ? null : await GetAsync(file, rendition.ToString().ToLowerInvariant(), "jpg", cancellationToken);
    }

    /// <summary>The rendition's bytes; null for documents, which are never rendered.</summary>
    public async Task<byte[]?> GetAsync(MediaFile file, string kind, string format, CancellationToken cancellationToken)
    {
        if (!file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return null;
        }

        var path = storage.RenditionPath(file.Id, kind, file.Focus, format, file.RenditionSet);
        if (File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }

        // Once the credit was corrected in the library, the renditions name the new photographer, not the camera's.
        var artist = file.RenditionSet > 0 ? file.Credit ?? "" : null;
        var bytes = Renditions.Make(storage.FullPath(file.StoragePath), kind, format, file.Focus, artist);
        await MediaStorage.WriteAtomicallyAsync(path, bytes, cancellationToken);
        return bytes;
    }
}
