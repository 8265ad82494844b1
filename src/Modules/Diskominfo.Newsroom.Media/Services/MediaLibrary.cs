using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Media.Data;
using Microsoft.EntityFrameworkCore;
using NetVips;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>JPEG renditions for the social channels, made once from the original and kept on disk.</summary>
internal sealed class MediaLibrary(MediaDbContext db, MediaStorage storage) : IMediaLibrary
{
    public const int InstagramWidth = 1080;

    public async Task<byte[]?> GetRenditionAsync(Guid mediaId, SocialRendition rendition, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        if (file is null || !file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return null; // documents are never rendered
        }

        var path = storage.RenditionPath(mediaId, rendition.ToString().ToLowerInvariant());
        if (File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }

        var original = await File.ReadAllBytesAsync(storage.FullPath(file.StoragePath), cancellationToken);
        var bytes = rendition == SocialRendition.Instagram ? Instagram(original) : Facebook(original);
        await MediaStorage.WriteAtomicallyAsync(path, bytes, cancellationToken);
        return bytes;
    }

    /// <summary>
    /// Instagram's three formats, 1080 px wide: portrait 4:5 (1080 x 1350), square (1080 x 1080) and landscape 1.91:1
    /// (1080 x 566). The photo gets the one nearest its own shape (compared as ratios, so 4:3 is square and 3:2 landscape)
    /// and is centre-cropped to it.
    /// </summary>
    internal static byte[] Instagram(byte[] original)
    {
        using var header = Image.NewFromBuffer(original, access: Enums.Access.Sequential);
        var (width, height) = OrientedSize(header);
        var (targetWidth, targetHeight) = InstagramFormat(width, height);
        using var image = Image.ThumbnailBuffer(original, targetWidth, height: targetHeight, crop: Enums.Interesting.Centre, size: Enums.Size.Both);
        return image.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
    }

    internal static (int Width, int Height) InstagramFormat(int width, int height)
    {
        (int Width, int Height)[] formats = [(InstagramWidth, 1350), (InstagramWidth, InstagramWidth), (InstagramWidth, 566)];
        var aspect = Math.Log((double)width / height);
        return formats.MinBy(f => Math.Abs(Math.Log((double)f.Width / f.Height) - aspect));
    }

    /// <summary>Facebook photo: JPEG (WebP is not accepted), longest edge at most 2048 px.</summary>
    internal static byte[] Facebook(byte[] original)
    {
        using var image = Image.ThumbnailBuffer(original, 2048, height: 2048, size: Enums.Size.Down);
        return image.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
    }

    private static (int Width, int Height) OrientedSize(Image image)
    {
        var orientation = image.Contains("orientation") ? (int)image.Get("orientation") : 1;
        return orientation is >= 5 and <= 8 ? (image.Height, image.Width) : (image.Width, image.Height);
    }
}
