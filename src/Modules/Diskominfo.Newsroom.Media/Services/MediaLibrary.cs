using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Infrastructure.Nodes;
using Diskominfo.Newsroom.Media.Data;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Renditions, made once from the original and kept in the file store until the focal point changes: once across every
/// node, since the making is done under a <see cref="INodeLocks"/> lock on the rendition's key and the store is looked
/// at again once the lock is held. At most <see cref="RenditionGate.Workers"/> are made at once on a node.
/// </summary>
internal sealed class MediaLibrary(MediaDbContext db, MediaStorage storage, INodeLocks locks, RenditionGate gate) : IMediaLibrary
{
    public async Task<byte[]?> GetRenditionAsync(Guid mediaId, SocialRendition rendition, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        return file is null ? null : await GetAsync(file, rendition.ToString().ToLowerInvariant(), "jpg", cancellationToken);
    }

    /// <summary>The rendition's bytes; null for documents, which are never rendered, and when the original is gone.</summary>
    public async Task<byte[]?> GetAsync(MediaFile file, string kind, string format, CancellationToken cancellationToken)
    {
        if (!file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return null;
        }

        var key = MediaStorage.RenditionKey(file.Id, kind, file.Focus, format, file.RenditionSet);
        if (await ReadAsync(key, cancellationToken) is { } made)
        {
            return made;
        }

        await using var held = await locks.AcquireAsync("media-rendition:" + key, cancellationToken);
        if (await ReadAsync(key, cancellationToken) is { } madeMeanwhile)
        {
            return madeMeanwhile;
        }

        var original = await storage.LocalPathAsync(file.StoragePath, cancellationToken);
        if (original is null)
        {
            return null;
        }

        // Once the credit was corrected in the library, the renditions name the new photographer, not the camera's.
        var artist = file.RenditionSet > 0 ? file.Credit ?? "" : null;
        var bytes = await gate.RunAsync(() => Renditions.Make(original, kind, format, file.Focus, artist), cancellationToken);
        await storage.Store.WriteAsync(key, bytes, format == "webp" ? "image/webp" : "image/jpeg", cancellationToken);
        return bytes;
    }

    /// <summary>A made rendition, through this node's copy (on S3 the node-local cache), or null.</summary>
    private async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
        => await storage.Store.LocalPathAsync(key, cancellationToken) is { } path ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
}
