using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Scanned pages and adventorial documents in PDF: filed and downloaded, never rendered, checked by content.</summary>
public sealed class DocumentTests
{
    internal const string MinimalPdf =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

    [Fact]
    public async Task Pdf_AcceptedForClippingsOnly_CheckedForActiveContentAndTruncation_ServedAsDownload()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var officer = await app.LoginAsync("reporter");
        var pdf = Encoding.Latin1.GetBytes(MinimalPdf);

        var release = await Api.CreatePressReleaseAsync(officer);
        var refused = await Api.UploadAsync(officer, release, pdf, "rilis.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("PDF diterima untuk pindaian kliping", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await officer.PostAsJsonAsync("/api/v1/items", new
        {
            type = "clipping", title = "Tabloid Raya tentang pasar", outlet = "Tabloid Raya", mediaType = "tabloid", editionDate = "2026-11-20", tone = "netral",
        });
        var clipping = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var script = await Api.UploadAsync(officer, clipping, Encoding.Latin1.GetBytes(MinimalPdf.Replace("/Type/Catalog", "/Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>", StringComparison.Ordinal)), "halaman.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("konten aktif", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var truncated = await Api.UploadAsync(officer, clipping, pdf[..(pdf.Length - 8)], "halaman.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("terpotong", await truncated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Api.GetAsync(officer, clipping)).GetProperty("photos").EnumerateArray()); // nothing attached by the refusals

        var accepted = await Api.UploadAsync(officer, clipping, pdf, "halaman-7.pdf", "Halaman 7");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var document = (await Api.GetAsync(officer, clipping)).GetProperty("photos").EnumerateArray().Single();
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());

        var download = await officer.GetAsync(document.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/media/{document.GetProperty("mediaId").GetGuid()}/facebook.jpg")).StatusCode);
    }
}
