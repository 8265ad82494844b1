using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Scanned pages in a batch: one draft per page, the text recognised (tesseract, Indonesian) and searchable.</summary>
public sealed class ClippingBatchTests
{
    [Fact]
    public async Task BatchOfScans_MakesOneDraftEach_RecognisesTheirText_AndKeepsTheDraftOfARefusedFile()
    {
        var ocr = File.Exists("/usr/bin/tesseract") && Directory.Exists("/usr/share/tesseract-ocr") &&
                  Directory.EnumerateFiles("/usr/share/tesseract-ocr", "ind.traineddata", SearchOption.AllDirectories).Any();
        if (!ocr && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("tesseract-ocr and tesseract-ocr-ind are required under CI.");
        }

        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var desk = await app.SignInAsync("reporter");
        var form = await desk.Http.GetStringAsync("/admin/kliping/unggah");
        Assert.Contains(ocr ? "dikenali otomatis" : "belum tersedia", form, StringComparison.Ordinal);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        // Refused as a whole: no date, no file; nothing is saved.
        using (var empty = Form(token, editionDate: ""))
        {
            var refused = await desk.Http.PostAsync("/admin/kliping/unggah", empty);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Pilih berkas pindaian", html, StringComparison.Ordinal);
        }

        using var content = Form(token, editionDate: "2026-11-20");
        var scan = new ByteArrayContent(Scan("PEMBANGUNAN JEMBATAN GANTUNG DESA RAYA SELESAI\n\nWarga menyambut baik pembangunan jembatan gantung yang menghubungkan dua desa di Kecamatan Raya."));
        scan.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(scan, "Berkas", "halaman-1.jpg");
        var broken = new ByteArrayContent("ini bukan gambar"u8.ToArray());
        broken.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(broken, "Berkas", "halaman-2.jpg");
        var response = await desk.Http.PostAsync("/admin/kliping/unggah", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadAsStringAsync();
        Assert.Contains("1 dari 2 pindaian tersimpan", result, StringComparison.Ordinal);
        Assert.Contains("Pindaian ditolak:", result, StringComparison.Ordinal);
        Assert.Contains("Drafnya tetap tersimpan", result, StringComparison.Ordinal);
        var ids = Regex.Matches(result, "href=\"/admin/naskah/([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(2, ids.Count);

        using var reporter = await app.LoginAsync("reporter");
        var first = await Api.GetAsync(reporter, ids[0]);
        Assert.Equal("Harian Suara Raya", first.GetProperty("clipping").GetProperty("outlet").GetString());
        Assert.Equal("1", first.GetProperty("clipping").GetProperty("page").GetString());
        Assert.Single(first.GetProperty("photos").EnumerateArray());
        var second = await Api.GetAsync(reporter, ids[1]);
        Assert.Empty(second.GetProperty("photos").EnumerateArray());

        if (!ocr)
        {
            return;
        }

        // The scan's text reaches the draft, then the index: "bangun" finds it.
        using var kasi = await app.LoginAsync("kasi");
        var found = await SearchTests.SearchUntilAsync(kasi, "?q=bangun&type=clipping", r => r.GetProperty("total").GetInt32() == 1, seconds: 90);
        Assert.Equal([ids[0]], SearchTests.Ids(found));
        var text = (await Api.GetAsync(reporter, ids[0])).GetProperty("clipping").GetProperty("text").GetString();
        Assert.Contains("jembatan", text, StringComparison.OrdinalIgnoreCase);
    }

    private static MultipartFormDataContent Form(string token, string editionDate)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Harian Suara Raya"), "Outlet" },
            { new StringContent("koran"), "MediaType" },
            { new StringContent(editionDate), "EditionDate" },
            { new StringContent("positif"), "Tone" },
            { new StringContent("infrastruktur"), "Topics" },
        };
        return content;
    }

    /// <summary>A scanned newspaper column: black text on white, rendered by libvips.</summary>
    private static byte[] Scan(string text)
    {
        using var mask = NetVips.Image.Text(text, font: "sans 30", width: 1500, dpi: 150);
        using var page = mask.Embed(80, 80, mask.Width + 160, mask.Height + 160);
        using var ink = page.Invert();
        return ink.JpegsaveBuffer(q: 90);
    }
}
