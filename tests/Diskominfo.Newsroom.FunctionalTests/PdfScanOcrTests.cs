using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Text recognition of PDF scans (issue 16 §4): rasterised page by page with poppler, then tesseract; and recognition
/// run again on request, from the item page's button and from the API.
/// </summary>
public sealed class PdfScanOcrTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task PdfScan_IsRecognisedPageByPage_AndRecognitionRunsAgainOnRequest(string provider)
    {
        var ocr = File.Exists("/usr/bin/tesseract") && File.Exists("/usr/bin/pdftoppm") && Directory.Exists("/usr/share/tesseract-ocr") &&
                  Directory.EnumerateFiles("/usr/share/tesseract-ocr", "ind.traineddata", SearchOption.AllDirectories).Any();
        if (!ocr)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("tesseract-ocr, tesseract-ocr-ind and poppler-utils are required under CI.");
            }

            Assert.Skip("tesseract-ocr, tesseract-ocr-ind or poppler-utils not installed.");
        }

        await using var database = provider == "Postgres" ? await TestDatabase.PostgresAsync() : await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var desk = await app.SignInAsync("reporter");
        using var reporter = await app.LoginAsync("reporter");

        // A two-page PDF scan in a batch: both pages' text reaches the draft, in order.
        var form = await desk.Http.GetStringAsync("/admin/kliping/unggah");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Harian Suara Raya"), "Outlet" },
            { new StringContent("koran"), "MediaType" },
            { new StringContent("2026-11-20"), "EditionDate" },
            { new StringContent("positif"), "Tone" },
        };
        var scan = new ByteArrayContent(ClippingBookTests.OnePagePdf("PEMBANGUNAN JEMBATAN\nGANTUNG DESA RAYA", "PASAR RAKYAT\nDIRESMIKAN BUPATI"));
        scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(scan, "Berkas", "halaman.pdf");
        var batch = await desk.Http.PostAsync("/admin/kliping/unggah", content);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var id = Guid.Parse(Regex.Match(await batch.Content.ReadAsStringAsync(), "href=\"/admin/naskah/([0-9a-f-]{36})\"").Groups[1].Value);
        var text = await TextAsync(reporter, id, t => t.Contains("PASAR", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("JEMBATAN", text, StringComparison.OrdinalIgnoreCase);
        Assert.True(text.IndexOf("JEMBATAN", StringComparison.OrdinalIgnoreCase) < text.IndexOf("PASAR", StringComparison.OrdinalIgnoreCase), "pages in order");

        // The writer replaces the text by mistake; the item page's button reads the scans again and puts their text back.
        var item = await Api.GetAsync(reporter, id);
        var clipping = item.GetProperty("clipping");
        var edited = await reporter.PutAsJsonAsync($"/api/v1/items/{id}", new
        {
            title = item.GetProperty("title").GetString(), outlet = "Harian Suara Raya", mediaType = "koran", editionDate = "2026-11-20",
            tone = "positif", text = "teks yang salah tempel", headline = clipping.GetProperty("headline").GetString(),
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var page = await desk.Http.GetStringAsync($"/admin/naskah/{id}");
        Assert.Contains("Kenali ulang teks pindaian", page, StringComparison.Ordinal);
        var pressed = await desk.PostFormAsync($"/admin/naskah/{id}", [], action: $"/admin/naskah/{id}/ocr");
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Equal($"/admin/naskah/{id}", pressed.Headers.Location!.OriginalString);
        Assert.Contains("sedang dikenali ulang", await desk.Http.GetStringAsync($"/admin/naskah/{id}"), StringComparison.Ordinal);
        text = await TextAsync(reporter, id, t => t.Contains("JEMBATAN", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("salah tempel", text, StringComparison.Ordinal);

        // The API: 202 with the number of scans; a press release, another's draft and a clipping without scans are refused.
        var again = await reporter.PostAsJsonAsync($"/api/v1/items/{id}/ocr", new { });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scans").GetInt32());
        var release = await Api.CreatePressReleaseAsync(reporter);
        var refused = await reporter.PostAsJsonAsync($"/api/v1/items/{release}/ocr", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("hanya untuk kliping", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bare = await SearchTests.ClippingAsync(reporter, "Tanpa pindaian", "Radar Raya", "tabloid", "netral", "Diketik.");
        var noScan = await reporter.PostAsJsonAsync($"/api/v1/items/{bare}/ocr", new { });
        Assert.Equal(HttpStatusCode.Conflict, noScan.StatusCode);
        Assert.Contains("belum berpindaian", await noScan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var reporter2 = await app.LoginAsync("reporter2");
        Assert.Equal(HttpStatusCode.NotFound, (await reporter2.PostAsJsonAsync($"/api/v1/items/{id}/ocr", new { })).StatusCode);
    }

    private static async Task<string> TextAsync(HttpClient client, Guid id, Func<string, bool> done, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string text;
        do
        {
            text = (await Api.GetAsync(client, id)).GetProperty("clipping").GetProperty("text").GetString() ?? "";
            if (done(text))
            {
                return text;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"the clipping's text was not recognised in {seconds} s: \"{text}\"");
        return text;
    }
}
