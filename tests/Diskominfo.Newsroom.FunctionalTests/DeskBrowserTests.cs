using System.Text.RegularExpressions;
using Diskominfo.Newsroom.FakeGraph;
using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The desk in a real browser: a press release written, returned, corrected, approved, signed and published.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DeskBrowserTests
{
    [Fact]
    public async Task PressRelease_ThroughTheDesk_ReturnedOnceThenSignedPublishedAndArchived()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph, kestrel: true);

        // The reporter writes, previews, saves a draft.
        var reporter = await browser.SignInAsync(app, "reporter");
        await reporter.GetByRole(AriaRole.Link, new() { Name = "Tulis siaran pers baru" }).ClickAsync();
        await reporter.GetByLabel("Judul").FillAsync("Bupati Resmikan Pasar Rakyat Kecamatan Raya Hari Ini");
        await reporter.GetByLabel("Teras berita (lead)").FillAsync("Bupati meresmikan Pasar Rakyat yang menampung 300 pedagang.");
        await reporter.GetByLabel("Isi berita (Markdown)").FillAsync("Pasar **baru** ini dibangun dengan dana daerah. <script>alert(1)</script>");
        await reporter.GetByLabel("Jenis berita").SelectOptionAsync("ekonomi");
        await reporter.GetByLabel("Tanggal kegiatan").FillAsync("2026-11-20");
        await reporter.GetByLabel("Tempat kegiatan").FillAsync("Pasar Raya");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Pratinjau" }).ClickAsync();
        var preview = await reporter.Locator(".preview").InnerHTMLAsync();
        Assert.Contains("<strong>baru</strong>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", preview, StringComparison.Ordinal);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await reporter.WaitForURLAsync(ItemUrl());
        var itemPath = new Uri(reporter.Url).AbsolutePath;

        // A hostile file is refused with the reason; a real photo is attached.
        await reporter.GetByLabel("Berkas foto").SetInputFilesAsync(new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = "<html><script>x</script></html>"u8.ToArray() });
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        Assert.Contains("bukan foto JPEG, PNG, atau WebP", await reporter.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await reporter.GetByLabel("Berkas foto").SetInputFilesAsync(new FilePayload { Name = "pasar.jpg", MimeType = "image/jpeg", Buffer = Api.Jpeg(1600, 900) });
        await reporter.GetByLabel("Keterangan foto").FillAsync("Bupati menggunting pita peresmian pasar");
        await reporter.GetByLabel("Kredit").FillAsync("Humas Diskominfo");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await reporter.WaitForURLAsync($"**{itemPath}");
        Assert.Contains("terlampir", await reporter.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await reporter.Locator(".photos img").CountAsync());
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Ajukan ke Kepala Seksi" }).ClickAsync();
        Assert.Contains("diajukan", await reporter.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);

        // The Kasi finds it waiting on the desk and returns it with a note.
        var kasi = await browser.SignInAsync(app, "kasi");
        await kasi.Locator("table.awaiting").GetByRole(AriaRole.Link, new() { Name = "Bupati Resmikan Pasar Rakyat" }).ClickAsync();
        await kasi.GetByLabel("Catatan").FillAsync("Judul terlalu panjang, ringkaskan.");
        await kasi.GetByRole(AriaRole.Button, new() { Name = "Kembalikan ke penulis" }).ClickAsync();
        Assert.Contains("dikembalikan", await kasi.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);

        // The note reaches the reporter's desk; he shortens the title and submits again.
        await reporter.GotoAsync("/admin");
        Assert.Contains("Judul terlalu panjang, ringkaskan.", await reporter.Locator("table.awaiting").InnerTextAsync(), StringComparison.Ordinal);
        await reporter.GotoAsync(itemPath + "/ubah");
        await reporter.GetByLabel("Judul").FillAsync("Bupati Resmikan Pasar Rakyat");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Ajukan ke Kepala Seksi" }).ClickAsync();
        Assert.Contains("diajukan", await reporter.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);

        // The Kasi edits the copy in place and initials; the Kabid initials; the Kadis signs.
        await kasi.GotoAsync(itemPath + "/ubah");
        await kasi.GetByLabel("Teras berita (lead)").FillAsync("Bupati meresmikan Pasar Rakyat Kecamatan Raya yang menampung 300 pedagang.");
        await kasi.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await kasi.GetByRole(AriaRole.Button, new() { Name = "Paraf" }).ClickAsync();
        Assert.Contains("tercatat", await kasi.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        var kabid = await browser.SignInAsync(app, "kabid");
        await kabid.GotoAsync(itemPath);
        await kabid.GetByRole(AriaRole.Button, new() { Name = "Paraf" }).ClickAsync();
        var kadis = await browser.SignInAsync(app, "kadis");
        Assert.Equal(1, await kadis.Locator("table.awaiting tbody tr").CountAsync());
        await kadis.GotoAsync(itemPath);
        await kadis.GetByRole(AriaRole.Button, new() { Name = "Tanda tangani" }).ClickAsync();

        // The jobs publish and archive; the page shows each channel and the archive number.
        var archiveNumber = await WaitForArchiveNumberAsync(kadis);
        Assert.Matches(@"^489/0001/DISKOMINFO/\d{4}$", archiveNumber);
        var statuses = await kadis.Locator("table.publications tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
        Assert.Equal(["published", "published", "published"], statuses);
        Assert.Single(graph.FacebookPosts);
        Assert.Single(graph.InstagramMedia);
        var agenda = await kadis.Locator(".timeline").InnerTextAsync();
        foreach (var step in new[] { "Diajukan", "Dikembalikan", "Judul terlalu panjang", "Disunting", "Diparaf", "Ditandatangani", "Terbit", "Diarsipkan" })
        {
            Assert.Contains(step, agenda, StringComparison.Ordinal);
        }

        // A reader finds it on the home page and reads it, photo and all, without the script.
        var readerContext = await browser.Chromium.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        readerContext.SetDefaultTimeout(45_000);
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Bupati Resmikan Pasar Rakyat" }).First.ClickAsync();
        await reader.WaitForURLAsync("**/berita/**");
        Assert.Equal("Bupati Resmikan Pasar Rakyat", await reader.Locator("h1").InnerTextAsync());
        Assert.Contains("300 pedagang", await reader.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", await reader.ContentAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> WaitForArchiveNumberAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            await page.ReloadAsync();
            var number = page.Locator(".archive-number");
            if (await number.CountAsync() > 0)
            {
                return (await number.InnerTextAsync()).Trim();
            }

            await Task.Delay(250);
        }

        Assert.Fail("The item was not archived within 120 s: " + await page.Locator("main").InnerTextAsync());
        return "";
    }

    [GeneratedRegex("/admin/naskah/[0-9a-f-]{36}$")]
    private static partial Regex ItemUrl();
}
