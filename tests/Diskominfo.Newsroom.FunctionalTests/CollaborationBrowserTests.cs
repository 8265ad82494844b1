using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Working together in a real browser (issue 16 §1): a save from a form someone else's save overtook shows both texts
/// side by side and keeps what was typed; a comment with a mention on the item page notifies the one mentioned.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CollaborationBrowserTests
{
    [Fact]
    public async Task Desk_StaleSaveShowsBothVersionsAndKeepsTheTypedText_CommentMentionNotifies()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, kestrel: true);
        using var reporterApi = await app.LoginAsync("reporter");
        using var kasiApi = await app.LoginAsync("kasi");
        var id = await Api.CreatePressReleaseAsync(reporterApi, "Bupati Tanam Seribu Pohon");
        var itemPath = $"/admin/naskah/{id}";

        // The writer opens the edit form; meanwhile the item is submitted, the Kasi changes the title and returns it.
        var reporter = await browser.SignInAsync(app, "reporter");
        await reporter.GotoAsync($"{itemPath}/ubah");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporterApi, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kasiApi.PutAsJsonAsync($"/api/v1/items/{id}", new
        {
            title = "Bupati dan Warga Tanam Seribu Pohon",
            lead = "Bupati meresmikan Jembatan Raya yang menghubungkan dua kecamatan.",
            body = "Jembatan sepanjang **120 meter** ini dibangun selama dua tahun.",
            category = "pembangunan",
            eventDate = "2026-11-20",
            eventPlace = "Kecamatan Raya",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasiApi, id, "return", "Judul saya perbaiki.")).StatusCode);

        // The writer saves what he typed: refused, the Kasi's text beside his, his text still in the form.
        const string typed = "Bupati menanam seribu pohon bersama pelajar di lereng bukit.";
        await reporter.GetByLabel("Teras berita (lead)").FillAsync(typed);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        var conflict = reporter.Locator("section.conflict");
        Assert.Contains("Naskah diubah oleh Budi Kepala Seksi", await conflict.Locator("h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Judul: Bupati dan Warga Tanam Seribu Pohon", await conflict.Locator("tr.diff-changed del").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"Teras: {typed}", await conflict.Locator("table.diff").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(typed, await reporter.GetByLabel("Teras berita (lead)").InputValueAsync());
        Assert.Equal("Bupati Tanam Seribu Pohon", await reporter.GetByLabel("Judul").InputValueAsync());

        // He keeps the Kasi's title, then saves on purpose: both changes are in.
        await reporter.GetByLabel("Judul").FillAsync("Bupati dan Warga Tanam Seribu Pohon");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await reporter.WaitForURLAsync($"**{itemPath}");
        var saved = await Api.GetAsync(reporterApi, id);
        Assert.Equal("Bupati dan Warga Tanam Seribu Pohon", saved.GetProperty("title").GetString());
        Assert.Equal(typed, saved.GetProperty("lead").GetString());

        // The Kasi comments on the item page and mentions the writer, who is told.
        var kasi = await browser.SignInAsync(app, "kasi");
        await kasi.GotoAsync(itemPath);
        await kasi.GetByLabel("Komentar baru").FillAsync("@reporter teras sudah bagus, tambahkan jumlah pelajar.");
        await kasi.GetByRole(AriaRole.Button, new() { Name = "Kirim komentar" }).ClickAsync();
        Assert.Contains("diberitahukan kepada reporter", await kasi.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("tambahkan jumlah pelajar", await kasi.Locator("ol.comment-thread").InnerTextAsync(), StringComparison.Ordinal);
        var inbox = await reporterApi.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        Assert.Contains(inbox.EnumerateArray(), n => n.GetProperty("reason").GetString() == "comment-mention");

        // The history page lists every save with its author.
        await kasi.GotoAsync($"{itemPath}/versi");
        Assert.Equal(3, await kasi.Locator("table.versions tbody tr").CountAsync());
    }
}
