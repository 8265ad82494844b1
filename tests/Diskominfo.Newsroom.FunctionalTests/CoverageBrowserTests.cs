using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Regex = System.Text.RegularExpressions.Regex;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The phone-width path from the invitation to the submitted press release: a reporter on a phone (360 x 740) registers
/// the invitation with its scanned letter, the Kasi, the Kabid and the Kadis take it to the schedule (API), the Kadis
/// dispositions the coverage and the Kasi assigns on the desk (desktop), then the reporter sees the assignment, files
/// the report with a photo from the camera input, starts the press release from it and submits it. axe-core (WCAG 2.1
/// AA) and no sideways scrolling at 360 px on the activity pages, the coverage desk and the assignment page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoverageBrowserTests
{
    private const string Title = "Peluncuran Aplikasi Layanan Desa";
    private const string Place = "Balai Desa Sukamaju";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Fact]
    public async Task Invitation_ToSubmittedPressRelease_ReporterAtPhoneWidth()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true);
        var page = await browser.SignInAsync(app, "reporter", NewsroomApp.Password, "**/admin", new()
        {
            Locale = "id-ID", ViewportSize = new() { Width = 360, Height = 740 }, DeviceScaleFactor = 1, HasTouch = true,
        });

        // The invitation, registered on the phone with its scanned letter; it gets the agenda book's number.
        await page.GotoAsync("/admin/kegiatan");
        await AssertFitsPhoneAsync(page, "/admin/kegiatan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Catat undangan" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/kegiatan/baru");
        await AssertFitsPhoneAsync(page, "/admin/kegiatan/baru");
        var start = DateTimeOffset.UtcNow.AddHours(3).ToOffset(Wib);
        await page.GetByLabel("Nama kegiatan").FillAsync(Title);
        await page.GetByLabel("Penyelenggara").FillAsync("Pemerintah Desa Sukamaju");
        await page.GetByLabel("Tempat").FillAsync(Place);
        await page.GetByLabel("Mulai (WIB)").FillAsync(start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Selesai (WIB)").FillAsync(start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Nomor surat").FillAsync("140/27/DS-SKM/2026");
        await page.GetByLabel("Tanggal surat").FillAsync(DateTimeOffset.UtcNow.ToOffset(Wib).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Pindaian surat").SetInputFilesAsync(new FilePayload
        {
            Name = "undangan.pdf", MimeType = "application/pdf", Buffer = Encoding.Latin1.GetBytes(DocumentTests.MinimalPdf),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat di buku agenda" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/kegiatan/[0-9a-f-]{36}$"));
        Assert.Contains("Undangan dicatat di buku agenda dengan nomor 001/UND/", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        var activityId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        await AssertFitsPhoneAsync(page, "/admin/kegiatan/{id}");

        // Proposed by the Kasi, initialled by the Kabid, approved by the Kadis: on the schedule of its month.
        using (var activities = new CoverageActivities(app))
        {
            Assert.True((await activities.AdvanceAsync(activityId)).OnSchedule);
        }

        await page.GotoAsync($"/admin/kegiatan?tampil=jadwal&bulan={start:yyyy-MM}");
        Assert.Contains(Title, await page.Locator("#daftar-kegiatan").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsPhoneAsync(page, "/admin/kegiatan (jadwal kegiatan)");
        await page.GotoAsync($"/admin/kegiatan/{activityId}");
        Assert.Equal("disetujui (masuk jadwal)", await page.Locator("main .status").First.InnerTextAsync());
        await AssertFitsPhoneAsync(page, "/admin/kegiatan/{id} (disetujui)");

        // The Kadis dispositions the coverage from the activity's page; the Kasi of the seksi assigns on the desk.
        var kadis = await browser.SignInAsync(app, "kadis");
        await kadis.GotoAsync($"/admin/kegiatan/{activityId}");
        await kadis.GetByRole(AriaRole.Link, new() { Name = "Disposisi liputan" }).ClickAsync();
        await kadis.WaitForURLAsync($"**/admin/liputan/baru?activity={activityId}");
        await kadis.GetByLabel("Seksi yang ditugaskan").SelectOptionAsync(Office.SeksiMedia.ToString());
        await kadis.GetByLabel("Catatan disposisi").FillAsync("Liput peluncuran, siapkan siaran pers.");
        await kadis.GetByRole(AriaRole.Button, new() { Name = "Disposisikan" }).ClickAsync();
        await kadis.WaitForURLAsync(new Regex("/admin/liputan/[0-9a-f-]{36}$"));
        Assert.Contains("Peliputan didisposisikan", await kadis.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await kadis.Context.CloseAsync();

        var kasi = await browser.SignInAsync(app, "kasi");
        await kasi.GotoAsync("/admin/liputan");
        await kasi.Locator("#penugasan-seksi .coverage-card", new() { HasText = Title }).GetByRole(AriaRole.Link, new() { Name = "Buka penugasan" }).ClickAsync();
        await kasi.WaitForURLAsync(new Regex("/admin/liputan/[0-9a-f-]{36}$"));
        await kasi.Locator("fieldset").GetByLabel("Rina Peliput", new() { Exact = true }).CheckAsync();
        await kasi.GetByLabel("Fotografer").SelectOptionAsync(new SelectOptionValue { Label = "Andi Peliput" });
        await kasi.GetByLabel("Catatan untuk petugas").FillAsync("Wawancarai kepala desa.");
        await kasi.GetByRole(AriaRole.Button, new() { Name = "Tugaskan" }).ClickAsync();
        await kasi.Locator(".flash").WaitForAsync();
        Assert.Contains("Petugas ditugaskan", await kasi.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await kasi.Context.CloseAsync();

        // The desk: "Tugas saya" with the place, the time and the Kasi's note; accessible; nothing scrolls sideways.
        await page.GotoAsync("/admin/liputan");
        var card = page.Locator("#tugas-saya .coverage-card").First;
        Assert.Contains(Title, await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Place, await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Wawancarai kepala desa.", await card.InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsPhoneAsync(page, "/admin/liputan");
        await card.GetByRole(AriaRole.Link, new() { Name = "Buka penugasan" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/liputan/*");
        await AssertFitsPhoneAsync(page, "halaman penugasan");

        // The report from the camera input (several photos allowed), then the press release from it.
        var input = page.Locator("#report-photos");
        Assert.Equal("image/*", await input.GetAttributeAsync("accept"));
        Assert.Equal("environment", await input.GetAttributeAsync("capture"));
        Assert.NotNull(await input.GetAttributeAsync("multiple"));
        var button = await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).BoundingBoxAsync();
        Assert.True(button!.Height >= 44, $"the send button is {button.Height} px high");
        await page.GetByLabel("Apa yang terjadi").FillAsync("Kepala desa meluncurkan aplikasi layanan surat menyurat.\n\nWarga tidak perlu antre lagi.");
        await input.SetInputFilesAsync(new FilePayload { Name = "kamera.jpg", MimeType = "image/jpeg", Buffer = Api.Jpeg(1600, 1200) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        Assert.Contains("Laporan liputan disampaikan", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".report-photos img").CountAsync());
        await AssertFitsPhoneAsync(page, "halaman penugasan dengan laporan");

        await page.GetByRole(AriaRole.Button, new() { Name = "Buat siaran pers" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/naskah/*");
        Assert.Contains($"Penugasan liputan: {Title}", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ajukan ke") }).ClickAsync();
        var itemId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        using var reporter = await app.LoginAsync("reporter");
        await Api.WaitForStatusAsync(reporter, itemId, "submitted", seconds: 20);
        var assignment = (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/assignments?mine=true"))[0];
        Assert.Equal(itemId, assignment.GetProperty("pressReleaseId").GetGuid());
        Assert.Equal("submitted", assignment.GetProperty("pressReleaseStatus").GetString());
    }

    /// <summary>No WCAG 2.1 AA violation found by axe-core, and nothing wider than the phone's 360 px.</summary>
    private static async Task AssertFitsPhoneAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
        Assert.True(width <= 360, $"{what} scrolls sideways at 360 px: {width} px wide");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        Assert.True(result.Violations.Length == 0, $"{what}:\n{violations}");
    }
}
