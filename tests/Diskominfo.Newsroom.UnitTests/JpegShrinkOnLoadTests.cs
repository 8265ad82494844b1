using Diskominfo.Newsroom.Media.Services;
using NetVips;

namespace Diskominfo.Newsroom.UnitTests;

/// <summary>
/// Renditions decode a JPEG at the smallest DCT scale that still covers the box (<see cref="Renditions.JpegShrink"/>),
/// read from the upright size, never below it, never for other formats; and the rendition stays as close to one made
/// from the full-size decode as libvips' own thumbnail is.
/// </summary>
public sealed class JpegShrinkOnLoadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsroom-shrink-").FullName;

    [Fact]
    public void JpegShrink_LargestScaleThatCoversTheBox_UprightSize_JpegOnly()
    {
        var photo = Photo("landscape.jpg", 3000, 2000);
        Assert.Equal(2, Renditions.JpegShrink(photo, 1200, 100_000, Enums.Size.Down)); // room 2.5
        Assert.Equal(4, Renditions.JpegShrink(photo, 600, 100_000, Enums.Size.Down)); // room 5
        Assert.Equal(1, Renditions.JpegShrink(photo, 2048, 2048, Enums.Size.Down)); // room 1.46
        Assert.Equal(4, Renditions.JpegShrink(photo, 480, 320, Enums.Size.Both)); // covers: min(6.25, 6.25)
        Assert.Equal(2, Renditions.JpegShrink(photo, 1200, 630, Enums.Size.Both)); // covers: min(2.5, 3.17)
        Assert.Equal(8, Renditions.JpegShrink(photo, 300, 200, Enums.Size.Force)); // room 10

        // Held upright (orientation 6): stored 3000 x 2000, shown 2000 x 3000. A 500 x 750 box has room 4 on the upright
        // photo, but only 2.67 (2000 / 750) were the stored size read as the shown one.
        var upright = Photo("upright.jpg", 3000, 2000, orientation: 6);
        Assert.Equal(4, Renditions.JpegShrink(upright, 500, 750, Enums.Size.Both));
        Assert.Equal(2, Renditions.JpegShrink(photo, 500, 750, Enums.Size.Both));
    }

    [Fact]
    public void JpegShrink_NotJpeg_DecodedAtFullSize()
    {
        using var image = Image.Black(3000, 2000, bands: 3);
        var png = Path.Combine(_dir, "scan.png");
        image.Pngsave(png);
        Assert.Equal(1, Renditions.JpegShrink(png, 300, 100_000, Enums.Size.Down));
    }

    [Fact]
    public void Rendition_DecodedAtAQuarter_AsCloseToTheFullDecodeAsLibvipsOwnThumbnail()
    {
        var photo = Photo("detail.jpg", 3000, 2000);
        Assert.Equal(4, Renditions.JpegShrink(photo, 600, 100_000, Enums.Size.Down));

        using var full = Image.NewFromFile(photo);
        using var reference = full.Resize(600.0 / 3000, kernel: Enums.Kernel.Lanczos3);
        using var ours = Image.NewFromBuffer(Renditions.Make(photo, "w600", "jpg", null));
        using var thumbnail = Image.Thumbnail(photo, 600, height: 100_000);
        using var libvips = Image.NewFromBuffer(thumbnail.JpegsaveBuffer(q: 82, optimizeCoding: true, interlace: true));
        Assert.Equal((600, 400), (ours.Width, ours.Height));
        var oursPsnr = Psnr(ours, reference);
        var libvipsPsnr = Psnr(libvips, reference);
        // (Decoded at an eighth and enlarged, the same photo is 28.6 dB from the full decode.)
        Assert.True(oursPsnr > 35 && oursPsnr > libvipsPsnr - 0.5, $"rendition {oursPsnr:0.00} dB from the full decode, libvips' thumbnail {libvipsPsnr:0.00} dB");
    }

    [Fact]
    public void Rendition_DecodedFromAStreamOfTheFile_SamePixelsAsFromTheFileByName_FileClosedOnceMade()
    {
        var photo = Photo("streamed.jpg", 3000, 2000, orientation: 6);
        var made = Renditions.Make(photo, "w600", "jpg", null);
        if (OperatingSystem.IsLinux())
        {
            var open = Directory.GetFiles("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget).ToList();
            Assert.DoesNotContain(photo, open);
        }

        // libvips opening the file by name, as renditions did before: the same decoding scale, turn and resize.
        using var ours = Image.NewFromBuffer(made);
        using var decoded = Image.NewFromFile(photo, access: Enums.Access.Sequential, kwargs: new VOption { { "shrink", 2 } });
        using var thumbnail = decoded.ThumbnailImage(600, height: 100_000, size: Enums.Size.Down);
        using var byName = Image.NewFromBuffer(thumbnail.JpegsaveBuffer(q: 82, optimizeCoding: true, interlace: true));
        Assert.Equal((600, 900), (ours.Width, ours.Height)); // upright
        Assert.Equal((byName.Width, byName.Height), (ours.Width, ours.Height));
        using var difference = (ours - byName).Abs();
        Assert.Equal(0, difference.Max());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static double Psnr(Image a, Image b)
    {
        using var difference = a.Cast(Enums.BandFormat.Float) - b.Cast(Enums.BandFormat.Float);
        using var squared = difference * difference;
        return 10 * Math.Log10(255.0 * 255.0 / squared.Avg());
    }

    /// <summary>A camera-like JPEG: waves 30 and 50 pixels long, with sensor-like noise.</summary>
    private string Photo(string name, int width, int height, int orientation = 1)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];
        using var rings = ((x * 12).Math(Enums.OperationMath.Sin) + (y * 7).Math(Enums.OperationMath.Sin)) * 40 + 128; // degrees
        using var noise = Image.Gaussnoise(width, height, sigma: 4);
        using var band = (rings + noise).Cast(Enums.BandFormat.Uchar);
        using var rgb = band.Bandjoin(band * 0.9, band * 0.7).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var oriented = rgb.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        var path = Path.Combine(_dir, name);
        oriented.Jpegsave(path, q: 92);
        return path;
    }
}
