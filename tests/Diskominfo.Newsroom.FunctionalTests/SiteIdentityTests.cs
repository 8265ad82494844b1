using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using NetVips;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The regency's name, colour, logo and contacts are settings an admin changes, not code.</summary>
public sealed class SiteIdentityTests
{
    [Fact]
    public async Task AdminSetsNameColourLogoAndContacts_EveryPublicPageAndFeedShowsThem_BadValuesRefusedInIndonesian()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reader = app.CreateClient();
        Assert.Contains("Berita Kabupaten Contoh", await reader.GetStringAsync("/"), StringComparison.Ordinal);

        using var kasi = await app.SignInAsync("kasi");
        using (var doorRefusal = await kasi.Http.GetAsync("/admin/pengaturan/situs"))
        {
            Assert.Equal(HttpStatusCode.Redirect, doorRefusal.StatusCode);
            Assert.StartsWith("/ditolak", doorRefusal.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var admin = await app.SignInAsync("admin");
        var refused = await admin.PostFormAsync("/admin/pengaturan/situs", new Dictionary<string, string>
        {
            ["Name"] = " ",
            ["Publisher"] = "Diskominfo Kabupaten Raya",
            ["Email"] = "bukan surel",
            ["Facebook"] = "http://facebook.com/kabraya",
            ["BrandColor"] = "#ffdd00",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Nama situs wajib diisi.", page, StringComparison.Ordinal);
        Assert.Contains("Alamat surel tidak sah", page, StringComparison.Ordinal);
        Assert.Contains("Tautan harus alamat https:// di facebook.com", page, StringComparison.Ordinal);
        Assert.Contains("terlalu terang", page, StringComparison.Ordinal);
        Assert.Contains("value=\"bukan surel\"", page, StringComparison.Ordinal); // what was typed stays
        Assert.Contains("Berita Kabupaten Contoh", await reader.GetStringAsync("/"), StringComparison.Ordinal);

        var saved = await PostWithLogoAsync(admin, Logo(400, 200), new Dictionary<string, string>
        {
            ["Name"] = "Berita Kabupaten Raya",
            ["Publisher"] = "Dinas Komunikasi dan Informatika Kabupaten Raya",
            ["Address"] = "Jalan Merdeka No. 1, Raya 55511",
            ["Phone"] = "(0274) 123456",
            ["Email"] = "diskominfo@rayakab.go.id",
            ["Instagram"] = "https://www.instagram.com/kabraya",
            ["BrandColor"] = "#7A1F1F",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The home page (cached before) is rendered anew with the identity.
        var home = await reader.GetStringAsync("/");
        Assert.Contains("<title>Beranda · Berita Kabupaten Raya</title>", home, StringComparison.Ordinal);
        Assert.Contains("Jalan Merdeka No. 1, Raya 55511", home, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:(0274)123456\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.instagram.com/kabraya\"", home, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/situs/tema.css?v=7a1f1f\" />", home, StringComparison.Ordinal);
        var css = await reader.GetAsync("/situs/tema.css?v=7a1f1f");
        Assert.Contains("--brand: #7a1f1f", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        var logoPath = Regex.Match(home, @"<img src=""(/situs/logo\.png\?v=[0-9a-f]+)""").Groups[1].Value;
        using (var logo = Image.NewFromBuffer(await reader.GetByteArrayAsync(logoPath)))
        {
            Assert.Equal((192, 96), (logo.Width, logo.Height));
            Assert.True(logo.HasAlpha());
        }

        Assert.Contains("<title>Berita Kabupaten Raya</title>", await reader.GetStringAsync("/rss.xml"), StringComparison.Ordinal);

        // A hostile logo is refused with the reason; the stored one stays.
        var svg = await PostWithLogoAsync(admin, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), new Dictionary<string, string>
        {
            ["Name"] = "Berita Kabupaten Raya",
            ["Publisher"] = "Dinas Komunikasi dan Informatika Kabupaten Raya",
            ["BrandColor"] = "#7a1f1f",
        });
        Assert.Equal(HttpStatusCode.BadRequest, svg.StatusCode);
        Assert.Contains("bukan foto JPEG, PNG, atau WebP", WebUtility.HtmlDecode(await svg.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains(logoPath, await reader.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostWithLogoAsync(DeskClient admin, byte[] logo, Dictionary<string, string> fields)
    {
        var form = await admin.Http.GetStringAsync("/admin/pengaturan/situs");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(logo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "logo", "logo.png");
        return await admin.Http.PostAsync("/admin/pengaturan/situs", content);
    }

    /// <summary>A round emblem on a transparent background.</summary>
    private static byte[] Logo(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var dx = xyz[0] - (width / 2);
        using var dy = xyz[1] - (height / 2);
        using var distance = ((dx * dx) + (dy * dy)).Pow(0.5);
        using var alpha = (distance < (height / 2.2)).Ifthenelse(255, 0);
        using var red = Image.Black(width, height) + 180;
        using var rgba = red.Bandjoin(Image.Black(width, height) + 30, Image.Black(width, height) + 30, alpha).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgba.PngsaveBuffer();
    }
}
