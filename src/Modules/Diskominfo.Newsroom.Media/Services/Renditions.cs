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
        TrimWhenIdle.Renditions.Started();
        try
        {
            return MakeCore(original, kind, format, focus, artist);
        }
        finally
        {
            TrimWhenIdle.Renditions.Ended();
        }
    }

    private static byte[] MakeCore(string path, string kind, string format, Focus? focus, string? artist)
    {
        using var original = new Original(path);
        using var image = kind switch
        {
            "instagram" => Instagram(original, focus),
            "facebook" => Thumbnail(original, 2048, 2048, Enums.Size.Down),
            MediaPaths.Share => Crop(original, 1200, 630, focus),
            MediaPaths.Thumbnail => Crop(original, 480, 320, focus),
            _ when kind.StartsWith('l') => Crop(original, int.Parse(kind.AsSpan(1)), MediaPaths.LandscapeHeight(int.Parse(kind.AsSpan(1))), focus),
            _ => Thumbnail(original, int.Parse(kind.AsSpan(1)), 100_000, Enums.Size.Down),
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

    private static Image Instagram(Original original, Focus? focus)
    {
        var size = OrientedSize(original);
        var (targetWidth, targetHeight) = InstagramFormat(size.Width, size.Height);
        return Crop(original, targetWidth, targetHeight, focus, size);
    }

    /// <summary>
    /// Exactly <paramref name="width"/> x <paramref name="height"/>: scaled to cover the box, then the window placed so
    /// the focal point is as near its centre as the edges allow. Small originals are enlarged to fill the box.
    /// </summary>
    private static Image Crop(Original original, int width, int height, Focus? focus, (int Width, int Height)? orientedSize = null)
    {
        if (focus is null)
        {
            return Thumbnail(original, width, height, Enums.Size.Both, Enums.Interesting.Attention);
        }

        var (w, h) = orientedSize ?? OrientedSize(original);
        var scale = Math.Max((double)width / w, (double)height / h);
        var coverWidth = Math.Max(width, (int)Math.Ceiling(w * scale));
        var coverHeight = Math.Max(height, (int)Math.Ceiling(h * scale));
        using var cover = Thumbnail(original, coverWidth, coverHeight, Enums.Size.Force);
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

    /// <summary>
    /// libvips' thumbnail of the original, but a JPEG is decoded at the smallest scale (1/2, 1/4 or 1/8, which libjpeg
    /// does in the DCT itself) that still covers the box. libvips' own thumbnail leaves at least a factor of two for
    /// its resize, so a 6000 px photo made 1200 px wide was decoded at 3000 px and resized 2.5 times; decoded at
    /// 1500 px, the inverse DCT, the colour conversion and the resize each touch a quarter of the pixels.
    /// </summary>
    private static Image Thumbnail(Original original, int width, int height, Enums.Size size, Enums.Interesting? crop = null)
    {
        var shrink = JpegShrink(original, width, height, size);
        if (shrink == 1)
        {
            return Image.Thumbnail(original.Path, width, height: height, size: size, crop: crop);
        }

        using var decoded = Image.NewFromSource(original.Read(), access: Enums.Access.Sequential, kwargs: new VOption { { "shrink", shrink } });
        return decoded.ThumbnailImage(width, height: height, size: size, crop: crop);
    }

    /// <summary>The largest JPEG decoding scale divisor (1, 2, 4 or 8) whose image still covers what the box needs.</summary>
    internal static int JpegShrink(string original, int width, int height, Enums.Size size)
    {
        using var file = new Original(original);
        return JpegShrink(file, width, height, size);
    }

    private static int JpegShrink(Original original, int width, int height, Enums.Size size)
    {
        if (Image.FindLoadSource(original.Read()) != "VipsForeignLoadJpegSource")
        {
            return 1;
        }

        using var header = Image.NewFromSource(original.Read(), access: Enums.Access.Sequential);
        var (w, h) = Oriented(header);
        var room = size switch
        {
            Enums.Size.Force or Enums.Size.Both => Math.Min((double)w / width, (double)h / height),
            _ => Math.Max((double)w / width, (double)h / height),
        };
        return room >= 8 ? 8 : room >= 4 ? 4 : room >= 2 ? 2 : 1;
    }

    private static (int Width, int Height) Oriented(Image header)
    {
        var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
        return orientation is >= 5 and <= 8 ? (header.Height, header.Width) : (header.Width, header.Height);
    }

    private static (int Width, int Height) OrientedSize(Original original)
    {
        using var header = Image.NewFromSource(original.Read(), access: Enums.Access.Sequential);
        return Oriented(header);
    }
}

/// <summary>
/// The original a rendition is made from. Its JPEG is decoded from a stream of the file, where libvips would map a file
/// it opens by name whole: every page of that mapping it had read counted in the process's resident memory until the
/// rendition was made (17 MiB of a 6000 x 4000 camera photo), and faulting the pages in took longer than reading them.
/// The stream stays open until the rendition is encoded, since libvips decodes only then.
/// </summary>
internal sealed class Original(string path) : IDisposable
{
    private FileStream? _file;
    private SourceCustom? _source;

    public string Path => path;

    public Source Read()
    {
        if (_source is null)
        {
            var file = _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
            _source = new SourceCustom();
            _source.OnRead += (buffer, length) => file.Read(buffer, 0, length); // NetVips turns a throw into a read error
            _source.OnSeek += (offset, origin) =>
            {
                try
                {
                    return file.Seek(offset, origin);
                }
                catch (Exception e) when (e is IOException or ArgumentException or ObjectDisposedException)
                {
                    return -1; // libvips' seek error; a throw would cross into native code
                }
            };
        }

        return _source;
    }

    public void Dispose()
    {
        _source?.Dispose();
        _file?.Dispose();
    }
}

/// <summary>The point a crop keeps in view, as fractions of the upright photo's width and height (0..1).</summary>
internal sealed record Focus(double X, double Y);
