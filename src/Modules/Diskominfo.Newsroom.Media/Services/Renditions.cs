using Diskominfo.Newsroom.Abstractions.Media;
using NetVips;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Every size a photo is shown or posted in, made from the original by libvips: turned upright by its EXIF
/// orientation, cropped around the focal point (or, without one, around what libvips finds most interesting), and
/// stripped of all metadata except the photographer's name and the copyright, so no GPS position ever leaves.
/// </summary>
internal static class Renditions
{
    static Renditions() => VipsSettings.Apply();

    public const int InstagramWidth = 1080;

    /// <summary>The kinds served to the public, with the formats each comes in.</summary>
    public static bool IsPublicKind(string kind, string format)
        => (kind, format) switch
        {
            (MediaPaths.Thumbnail, "jpg" or "webp") => true,
            (MediaPaths.Share, "jpg") => true,
            ("facebook" or "instagram", "jpg") => true,
            _ when kind.StartsWith('l') && int.TryParse(kind.AsSpan(1), out var width) && MediaPaths.ArticleWidths.Contains(width) => format is "jpg" or "webp",
            _ when kind.StartsWith('w') && int.TryParse(kind.AsSpan(1), out var width) && MediaPaths.ArticleWidths.Contains(width) => format is "jpg" or "webp",
            _ => false,
        };

    /// <summary>
    /// The rendition of the original at <paramref name="original"/> (a path: libvips reads only what it needs of the
    /// file, shrinking JPEGs while decoding, instead of the whole file being held in managed memory).
    /// </summary>
    public static byte[] Make(string original, string kind, string format, Focus? focus, string? artist = null)
    {
        try
        {
            return MakeCore(original, kind, format, focus, artist);
        }
        finally
        {
            _ = VipsSettings.ReturnFreedMemory();
        }
    }

    private static byte[] MakeCore(string original, string kind, string format, Focus? focus, string? artist)
    {
        using var image = kind switch
        {
            "instagram" => Instagram(original, focus),
            "facebook" => Image.Thumbnail(original, 2048, height: 2048, size: Enums.Size.Down),
            MediaPaths.Share => Crop(original, 1200, 630, focus),
            MediaPaths.Thumbnail => Crop(original, 480, 320, focus),
            _ when kind.StartsWith('l') => Crop(original, int.Parse(kind.AsSpan(1)), MediaPaths.LandscapeHeight(int.Parse(kind.AsSpan(1))), focus),
            _ => Image.Thumbnail(original, int.Parse(kind.AsSpan(1)), height: 100_000, size: Enums.Size.Down),
        };
        using var clean = StripPrivate(image, artist);
        return format == "webp"
            ? clean.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.Exif | Enums.ForeignKeep.Icc)
            : clean.JpegsaveBuffer(q: 82, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.Exif | Enums.ForeignKeep.Icc);
    }

    /// <summary>Instagram's three formats, 1080 px wide: the nearest to the photo's own shape (compared on a log scale).</summary>
    public static (int Width, int Height) InstagramFormat(int width, int height)
    {
        (int Width, int Height)[] formats = [(InstagramWidth, 1350), (InstagramWidth, InstagramWidth), (InstagramWidth, 566)];
        var aspect = Math.Log((double)width / height);
        return formats.MinBy(f => Math.Abs(Math.Log((double)f.Width / f.Height) - aspect));
    }

    private static Image Instagram(string original, Focus? focus)
    {
        var size = OrientedSize(original);
        var (targetWidth, targetHeight) = InstagramFormat(size.Width, size.Height);
        return Crop(original, targetWidth, targetHeight, focus, size);
    }

    /// <summary>
    /// Exactly <paramref name="width"/> x <paramref name="height"/>: scaled to cover the box, then the window placed so
    /// the focal point is as near its centre as the edges allow. Small originals are enlarged to fill the box.
    /// </summary>
    private static Image Crop(string original, int width, int height, Focus? focus, (int Width, int Height)? orientedSize = null)
    {
        if (focus is null)
        {
            return Image.Thumbnail(original, width, height: height, crop: Enums.Interesting.Attention, size: Enums.Size.Both);
        }

        var (w, h) = orientedSize ?? OrientedSize(original);
        var scale = Math.Max((double)width / w, (double)height / h);
        var coverWidth = Math.Max(width, (int)Math.Ceiling(w * scale));
        var coverHeight = Math.Max(height, (int)Math.Ceiling(h * scale));
        using var cover = Image.Thumbnail(original, coverWidth, height: coverHeight, size: Enums.Size.Force);
        var left = Math.Clamp((int)Math.Round(focus.X * cover.Width - width / 2.0), 0, cover.Width - width);
        var top = Math.Clamp((int)Math.Round(focus.Y * cover.Height - height / 2.0), 0, cover.Height - height);
        return cover.ExtractArea(left, top, width, height);
    }

    /// <summary>
    /// Only EXIF's Artist and Copyright survive: GPS, camera serials, XMP and IPTC are dropped. A non-null
    /// <paramref name="artist"/> (the credit corrected in the library) replaces the camera's Artist; empty removes it.
    /// </summary>
    private static Image StripPrivate(Image image, string? artist)
        => image.Mutate(m =>
        {
            if (artist is not null)
            {
                if (artist.Length > 0)
                {
                    // libvips reads " (" in an EXIF string as the start of its own "(text, ASCII, n components)" note.
                    m.Set(GValue.GStrType, "exif-ifd0-Artist", artist.Replace(" (", " [", StringComparison.Ordinal).Replace(')', ']'));
                }
                else if (image.Contains("exif-ifd0-Artist"))
                {
                    m.Remove("exif-ifd0-Artist");
                }
            }

            foreach (var field in image.GetFields())
            {
                var exifTag = field.StartsWith("exif-", StringComparison.Ordinal) && field is not ("exif-data" or "exif-ifd0-Artist" or "exif-ifd0-Copyright");
                if (exifTag || field is "xmp-data" or "iptc-data" or "orientation")
                {
                    m.Remove(field);
                }
            }
        });

    private static (int Width, int Height) OrientedSize(string original)
    {
        using var header = Image.NewFromFile(original, access: Enums.Access.Sequential);
        var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
        return orientation is >= 5 and <= 8 ? (header.Height, header.Width) : (header.Width, header.Height);
    }
}

/// <summary>The point a crop keeps in view, as fractions of the upright photo's width and height (0..1).</summary>
internal sealed record Focus(double X, double Y);
