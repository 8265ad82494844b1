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
        await reporter.GetByLabel("Kredit (fotografer)").FillAsync("Humas Diskominfo");
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
        (var archiveNumber, kadis) = await WaitForArchiveNumberAsync(kadis);
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

    [Fact]
    public async Task Clipping_ThroughTheDesk_EnteredSelectedSignedAndArchived_NeverPosted()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph, kestrel: true);

        var officer = await browser.SignInAsync(app, "reporter");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Catat kliping" }).ClickAsync();
        Assert.Equal("Kliping baru", await officer.Locator("h1").InnerTextAsync());
        await officer.GetByLabel("Judul arsip").FillAsync("Harian Suara Raya menyoroti antrean BBM");
        await officer.GetByLabel("Nama media").FillAsync("Harian Suara Raya");
        await officer.GetByLabel("Jenis media").SelectOptionAsync("koran");
        await officer.GetByLabel("Tanggal terbit").FillAsync("2026-11-21");
        await officer.GetByLabel("Halaman").FillAsync("3");
        await officer.GetByLabel("Ringkasan atau teks berita").FillAsync("Antrean kendaraan di SPBU Raya mengular hingga dua kilometer.");
        await officer.GetByLabel("Nada pemberitaan").SelectOptionAsync("negatif");
        await officer.GetByLabel("Topik").FillAsync("energi, BBM");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await officer.WaitForURLAsync(ItemUrl());
        var itemPath = new Uri(officer.Url).AbsolutePath;
        Assert.Contains("Harian Suara Raya (koran)", await officer.Locator(".copy").InnerTextAsync(), StringComparison.Ordinal);
        await officer.GetByLabel("Berkas foto").SetInputFilesAsync(new FilePayload { Name = "halaman-3.jpg", MimeType = "image/jpeg", Buffer = Api.Jpeg(1200, 1700) });
        await officer.GetByLabel("Keterangan foto").FillAsync("Pindaian halaman 3");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await officer.WaitForURLAsync($"**{itemPath}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ajukan ke Kepala Seksi" }).ClickAsync();

        foreach (var (role, button) in new[] { ("kasi", "Paraf"), ("kabid", "Paraf"), ("kadis", "Tanda tangani") })
        {
            var approver = await browser.SignInAsync(app, role);
            await approver.Locator("table.awaiting").GetByRole(AriaRole.Link, new() { Name = "Harian Suara Raya menyoroti" }).ClickAsync();
            await approver.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            Assert.Contains("tercatat", await approver.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        }

        (var clippingNumber, officer) = await WaitForArchiveNumberAsync(officer);
        Assert.Matches(@"^\d+/0001/DISKOMINFO/\d{4}$", clippingNumber);
        Assert.Equal(0, await officer.Locator("table.publications tbody tr").CountAsync());
        Assert.Empty(graph.FacebookPosts);
        Assert.Empty(graph.InstagramMedia);
        Assert.Contains("Disposisi nomor urut 0001/", await officer.Locator(".disposition").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adventorial_ThroughTheDesk_PreparedCheckedSigned_PublishedWithThePaidLabel()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph, kestrel: true);

        var pptk = await browser.SignInAsync(app, "kasi");
        await pptk.GetByRole(AriaRole.Link, new() { Name = "Adventorial baru" }).ClickAsync();
        await pptk.GetByLabel("Judul").FillAsync("Program Jalan Mulus Kabupaten Raya");
        await pptk.GetByLabel("Teras berita (lead)").FillAsync("Pemerintah Kabupaten Raya menuntaskan perbaikan 40 kilometer jalan.");
        await pptk.GetByLabel("Isi berita (Markdown)").FillAsync("Program ini dibiayai APBD 2026.");
        await pptk.GetByLabel("Jenis berita").SelectOptionAsync("pembangunan");
        await pptk.GetByLabel("Media massa").FillAsync("Majalah Pembangunan");
        await pptk.GetByLabel("Biaya (rupiah)").FillAsync("7500000");
        await pptk.GetByLabel("Kode rekening DPA SKPD").FillAsync("2.16.2.21.01.0001");
        await pptk.GetByLabel("Nomor pesanan / kontrak").FillAsync("027/45/DISKOMINFO/2026");
        await pptk.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await pptk.WaitForURLAsync(ItemUrl());
        var itemPath = new Uri(pptk.Url).AbsolutePath;
        Assert.Contains("Rp 7.500.000", await pptk.Locator(".copy").InnerTextAsync(), StringComparison.Ordinal);
        await pptk.GetByLabel("Berkas foto").SetInputFilesAsync(new FilePayload { Name = "jalan.jpg", MimeType = "image/jpeg", Buffer = Api.Jpeg(1600, 1000) });
        await pptk.GetByLabel("Keterangan foto").FillAsync("Jalan yang diperbaiki");
        await pptk.GetByLabel("Kredit (fotografer)").FillAsync("Humas Diskominfo");
        await pptk.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await pptk.WaitForURLAsync($"**{itemPath}");
        await pptk.GetByRole(AriaRole.Button, new() { Name = "Ajukan ke Kepala Bidang" }).ClickAsync();

        var kabid = await browser.SignInAsync(app, "kabid");
        await kabid.GotoAsync(itemPath);
        await kabid.GetByRole(AriaRole.Button, new() { Name = "Paraf" }).ClickAsync();
        var kadis = await browser.SignInAsync(app, "kadis");
        await kadis.GotoAsync(itemPath);
        await kadis.GetByRole(AriaRole.Button, new() { Name = "Tanda tangani" }).ClickAsync();

        (_, kadis) = await WaitForArchiveNumberAsync(kadis);
        var statuses = await kadis.Locator("table.publications tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
        Assert.Equal(["published", "published", "published"], statuses);
        var readerContext = await browser.Chromium.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Program Jalan Mulus Kabupaten Raya" }).First.ClickAsync();
        await reader.WaitForURLAsync("**/berita/**");
        Assert.Equal("Adventorial", (await reader.Locator(".label-paid").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task JobDashboard_InTheBrowser_RunsItsScriptsUnderTheSiteSecurityPolicy()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true);
        var admin = await browser.SignInAsync(app, "admin");
        var blocked = new List<string>();
        admin.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) && message.Text.Contains("script", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        await admin.GetByRole(AriaRole.Link, new() { Name = "Pekerjaan latar" }).ClickAsync();
        await admin.WaitForURLAsync("**/admin/pekerjaan");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" }).First.ClickAsync();
        await admin.WaitForURLAsync("**/admin/pekerjaan/recurring");
        Assert.Contains("publishing-sweep", await admin.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(blocked);
    }

    /// <summary>Reloads the item page until it shows the archive number; returns it and the page (a fresh one if a tab was lost).</summary>
    private static async Task<(string Number, IPage Page)> WaitForArchiveNumberAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var url = page.Url;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await page.GotoAsync(url);
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Chromium may drop a tab under load ("not attached to an active page"): the same user opens it again.
                page = await page.Context.NewPageAsync();
                continue;
            }

            // The panels are read one after the other: the page may catch the commit between them, so wait for both.
            var number = page.Locator(".archive-number");
            if (await number.CountAsync() > 0 && (await page.Locator(".timeline").InnerTextAsync()).Contains("Diarsipkan", StringComparison.Ordinal))
            {
                return ((await number.InnerTextAsync()).Trim(), page);
            }

            await Task.Delay(250);
        }

        Assert.Fail("The item was not archived within 120 s: " + await page.Locator("main").InnerTextAsync());
        return ("", page);
    }

    [GeneratedRegex("/admin/naskah/[0-9a-f-]{36}$")]
    private static partial Regex ItemUrl();
}
