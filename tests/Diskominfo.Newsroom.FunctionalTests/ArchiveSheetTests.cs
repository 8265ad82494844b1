using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The archive record is immutable and prints as an archive sheet with everything the office files.</summary>
public sealed class ArchiveSheetTests
{
    [Fact]
    public async Task ArchivedPressRelease_PrintsItsSheet_AndTheDatabaseRefusesToRewriteTheArchive()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");

        var draft = await Api.CreatePressReleaseAsync(reporter, "Naskah yang belum diarsipkan");
        var notYet = await kasi.GetAsync($"/api/v1/items/{draft}/archive-sheet.pdf");
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        Assert.Contains("belum diarsipkan", (await notYet.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var path = await Api.PublishAsync(app, reporter, "Bupati Resmikan Pasar Ikan Raya", "ekonomi", photos: 1);
        var id = (await SearchTests.SearchUntilAsync(kasi, "?q=%22pasar+ikan%22", r => r.GetProperty("total").GetInt32() == 1)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var item = await Api.GetAsync(kasi, id);
        var number = item.GetProperty("archive").GetProperty("number").GetString()!;

        var response = await kasi.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var text = await PdfTextAsync(pdf);
        Assert.Contains("LEMBAR ARSIP", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("489 (Hubungan masyarakat: siaran pers)", text, StringComparison.Ordinal);
        Assert.Contains("Bupati Resmikan Pasar Ikan Raya", text, StringComparison.Ordinal);
        Assert.Contains("120 meter", text, StringComparison.Ordinal);
        Assert.Contains("Ditandatangani oleh", text, StringComparison.Ordinal);
        Assert.Contains("Rantai hash: utuh", text, StringComparison.Ordinal);
        Assert.Contains(path, text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var entry in item.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("action").GetString() == "signed"))
        {
            Assert.Contains(entry.GetProperty("contentHash").GetString()!, text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // The photo is on the sheet (an image on the page), not only named.
        var images = await PopplerAsync("pdfimages", pdf, "-list");
        Assert.Contains("image", images.Split('\n').Skip(2).FirstOrDefault() ?? "", StringComparison.Ordinal);

        // The database itself refuses to change or remove a filing.
        var update = await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteAsync(app, "UPDATE archive_records SET \"Number\" = 'palsu'"));
        Assert.Contains("Arsip tidak dapat diubah", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteAsync(app, "DELETE FROM archive_snapshots"));
        Assert.Contains("Arsip tidak dapat dihapus", delete.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await kasi.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf")).StatusCode);

        // Bad input and strangers.
        Assert.Equal(HttpStatusCode.BadRequest, (await kasi.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf?ralat=satu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kasi.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf?ralat=3")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/items/{id}/archive-sheet.pdf")).StatusCode);
    }

    /// <summary>The sheet's text as a reader of the PDF gets it (poppler's pdftotext).</summary>
    private static string[] StandardOutput(string tool) => tool == "pdftotext" ? ["-"] : [];

    internal static Task<string> PdfTextAsync(byte[] pdf) => PopplerAsync("pdftotext", pdf, "-enc", "UTF-8");

    internal static async Task<string> PopplerAsync(string tool, byte[] pdf, params string[] options)
    {
        if (!File.Exists("/usr/bin/" + tool))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("pdftotext is required under CI (apt-get install poppler-utils).");
            }

            Assert.Skip("pdftotext not installed (apt-get install poppler-utils).");
        }

        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        using var process = Process.Start(new ProcessStartInfo(tool, [.. options, file, .. StandardOutput(tool)]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(file);
        return text;
    }
}
