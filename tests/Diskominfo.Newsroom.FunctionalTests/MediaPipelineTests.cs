using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NetVips;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Renditions through NetVips: sizes and formats, metadata, orientation, focal point, caching, who sees what.</summary>
public sealed class MediaPipelineTests
{
    [Fact]
    public async Task CameraPhoto_RenditionsUpright_GpsStripped_CopyrightKept_MadeOnce_OriginalForStaffOnly()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Panen Raya Padi di Kecamatan Raya");

        // A camera held upright: stored 1600 x 1200 with orientation 6, carrying GPS, the photographer and the copyright.
        var upload = await Api.UploadAsync(reporter, id, CameraJpeg(1600, 1200, orientation: 6), "DSC_0042.JPG");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var stored = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var media = stored.GetProperty("mediaId").GetGuid();
        Assert.Equal((1200, 1600), (stored.GetProperty("width").GetInt32(), stored.GetProperty("height").GetInt32()));
        using (var original = Image.NewFromBuffer(await reporter.GetByteArrayAsync($"/media/{media:N}")))
        {
            // The original is kept as it came, position and all: that is why only staff may fetch it.
            Assert.Contains("exif-ifd3-GPSLatitude", original.GetFields());
            Assert.Equal(6, (int)original.Get("orientation"));
        }

        foreach (var (path, type, width, height) in new[]
        {
            ($"/media/{media:N}/w480.jpg", "image/jpeg", 480, 640),
            ($"/media/{media:N}/w800.webp", "image/webp", 800, 1067),
            ($"/media/{media:N}/w1200.jpg", "image/jpeg", 1200, 1600),
            ($"/media/{media:N}/kecil.webp", "image/webp", 480, 320),
            ($"/media/{media:N}/bagikan.jpg", "image/jpeg", 1200, 630),
            ($"/media/{media:N}/instagram.jpg", "image/jpeg", 1080, 1350),
        })
        {
            var response = await reporter.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((width, height), (image.Width, image.Height));
            var fields = image.GetFields();
            Assert.DoesNotContain(fields, f => f.StartsWith("exif-ifd3-", StringComparison.Ordinal)); // GPS
            Assert.DoesNotContain("xmp-data", fields);
            Assert.DoesNotContain(fields, f => f == "orientation" && (int)image.Get(f) != 1);
            if (type == "image/jpeg")
            {
                Assert.Contains("Budi Santoso", (string)image.Get("exif-ifd0-Artist"), StringComparison.Ordinal);
                Assert.Contains("Diskominfo Kabupaten Raya", (string)image.Get("exif-ifd0-Copyright"), StringComparison.Ordinal);
            }
        }

        // Upright: the top of the upright photo is the stored photo's left edge, which is dark.
        using (var upright = Image.NewFromBuffer(await reporter.GetByteArrayAsync($"/media/{media:N}/w480.jpg")))
        {
            Assert.True(upright.Crop(0, 0, 480, 40).Avg() < upright.Crop(0, 600, 480, 40).Avg(), "The rendition is not turned upright.");
        }

        // Unknown kinds are not made; a rendition is made once and then answered by its tag.
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/media/{media:N}/w333.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/media/{media:N}/bagikan.webp")).StatusCode);
        var files = Directory.GetFiles(Path.Combine(app.DataDir, "media", "renditions"), $"{media:N}-w480.jpg", SearchOption.AllDirectories);
        var made = File.GetLastWriteTimeUtc(Assert.Single(files));
        var again = await reporter.GetAsync($"/media/{media:N}/w480.jpg");
        Assert.Equal(made, File.GetLastWriteTimeUtc(files[0]));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/media/{media:N}/w480.jpg");
        conditional.Headers.IfNoneMatch.Add(again.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reporter.SendAsync(conditional)).StatusCode);

        // Before publication nothing is public; after it, the renditions are, the original (with its GPS) never.
        using var reader = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/media/{media:N}/w800.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");
        var published = await reader.GetAsync($"/media/{media:N}/w800.jpg");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True(published.Headers.CacheControl!.Public);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/media/{media:N}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync($"/media/{media:N}")).StatusCode);

        // The article page offers WebP and JPEG at the article widths, with the upright size.
        var article = await reader.GetStringAsync(new Uri(Publications.Of(item, "website").GetProperty("url").GetString()!).AbsolutePath);
        Assert.Contains($"<source type=\"image/webp\" srcset=\"/media/{media:N}/w480.webp 480w, /media/{media:N}/w800.webp 800w, /media/{media:N}/w1200.webp 1200w\"", article, StringComparison.Ordinal);
        Assert.Contains($"src=\"/media/{media:N}/w800.jpg\"", article, StringComparison.Ordinal);
        Assert.Contains("width=\"1200\" height=\"1600\"", article, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"/media/{media:N}\"", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FocalPoint_SetByAnEditor_MovesEveryCrop_BadValuesRefusedInIndonesian()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Pemandangan Pantai Raya");

        // A panorama: red on the left, blue on the right.
        var upload = await Api.UploadAsync(reporter, id, RedLeftBlueRight(2400, 600), "panorama.jpg");
        var media = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await reporter.PutAsJsonAsync($"/api/v1/media/{media}/focus", new { x = 0.05, y = 0.5 })).StatusCode);
        var (red, blue) = await ColoursAsync(reporter, $"/media/{media:N}/kecil.jpg");
        Assert.True(red > 200 && blue < 60, $"Focused on the left, the thumbnail should be red: red {red:0}, blue {blue:0}.");

        // Submitted, the reporter may no longer change it; the Kasi may.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        var refused = await reporter.PutAsJsonAsync($"/api/v1/media/{media}/focus", new { x = 0.9, y = 0.5 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var bad = await kasi.PutAsJsonAsync($"/api/v1/media/{media}/focus", new { x = 1.5, y = 0.5 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("antara 0 (tepi kiri) dan 1 (tepi kanan)", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("x")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await kasi.PutAsJsonAsync($"/api/v1/media/{media}/focus", new { x = 0.95, y = 0.5 })).StatusCode);

        foreach (var kind in new[] { "kecil.jpg", "kecil.webp", "instagram.jpg" })
        {
            (red, blue) = await ColoursAsync(kasi, $"/media/{media:N}/{kind}");
            Assert.True(blue > 200 && red < 60, $"Focused on the right, {kind} should be blue: red {red:0}, blue {blue:0}.");
        }

        // The desk page shows the point and the crops made from it.
        using var desk = await app.SignInAsync("kasi");
        var page = await desk.Http.GetStringAsync($"/admin/media/{media}/fokus");
        Assert.Contains("data-x=\"95\"", page, StringComparison.Ordinal);
        Assert.Contains($"/media/{media:N}/bagikan.jpg", page, StringComparison.Ordinal);
    }

    private static async Task<(double Red, double Blue)> ColoursAsync(HttpClient client, string path)
    {
        using var image = Image.NewFromBuffer(await client.GetByteArrayAsync(path));
        return (image[0].Avg(), image[2].Avg());
    }

    private static byte[] RedLeftBlueRight(int width, int height)
    {
        using var left = Image.Black(width / 2, height, bands: 3).NewFromImage(220, 20, 20);
        using var right = Image.Black(width - width / 2, height, bands: 3).NewFromImage(20, 20, 220);
        using var joined = left.Join(right, Enums.Direction.Horizontal);
        using var srgb = joined.Copy(interpretation: Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar);
        return srgb.JpegsaveBuffer(q: 90);
    }

    /// <summary>
    /// A camera JPEG: a horizontal gradient (dark on the left), with EXIF naming the photographer, the copyright and a
    /// GPS position, and the given orientation tag.
    /// </summary>
    internal static byte[] CameraJpeg(int width, int height, int orientation)
    {
        using var x = Image.Xyz(width, height);
        using var band = x[0];
        using var scaled = band * (255.0 / width);
        using var grey = scaled.Bandjoin(scaled, scaled).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = grey.Mutate(m =>
        {
            m.Set(GValue.BlobType, "exif-data", Exif("Budi Santoso", "Diskominfo Kabupaten Raya", orientation));
            m.Set(GValue.GIntType, "orientation", orientation);
        });
        return tagged.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.All);
    }

    /// <summary>A little-endian EXIF block: IFD0 with Orientation, Artist, Copyright and a pointer to a GPS IFD (7°S 110°E).</summary>
    private static byte[] Exif(string artist, string copyright, int orientation)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        var artistBytes = Encoding.ASCII.GetBytes(artist + "\0");
        var copyrightBytes = Encoding.ASCII.GetBytes(copyright + "\0");
        w.Write("Exif\0\0"u8);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(8u);
        const int Entries = 4;
        var data = (uint)(8 + 2 + (Entries * 12) + 4);
        w.Write((ushort)Entries);
        Entry(w, 0x0112, 3, 1, (uint)orientation);
        Entry(w, 0x013B, 2, (uint)artistBytes.Length, data);
        Entry(w, 0x8298, 2, (uint)copyrightBytes.Length, data + (uint)artistBytes.Length);
        var gps = data + (uint)artistBytes.Length + (uint)copyrightBytes.Length;
        Entry(w, 0x8825, 4, 1, gps);
        w.Write(0u);
        w.Write(artistBytes);
        w.Write(copyrightBytes);

        // GPS IFD: latitude reference and latitude (three rationals after the IFD), longitude reference.
        var rationals = gps + 2 + (3 * 12) + 4;
        w.Write((ushort)3);
        Entry(w, 0x0001, 2, 2, 'S');
        Entry(w, 0x0002, 5, 3, rationals);
        Entry(w, 0x0003, 2, 2, 'E');
        w.Write(0u);
        foreach (var (numerator, denominator) in new[] { (7u, 1u), (30u, 1u), (0u, 1u) })
        {
            w.Write(numerator);
            w.Write(denominator);
        }

        return stream.ToArray();
    }

    private static void Entry(BinaryWriter w, ushort tag, ushort type, uint count, uint value)
    {
        w.Write(tag);
        w.Write(type);
        w.Write(count);
        if (type == 3)
        {
            w.Write((ushort)value);
            w.Write((ushort)0);
        }
        else
        {
            w.Write(value);
        }
    }
}
