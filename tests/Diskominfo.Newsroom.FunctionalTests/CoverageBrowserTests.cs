using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// A reporter in the field, on a phone (360 x 740): the assignment on the desk, the report with a photo from the camera
/// input, the press release started from it and submitted; axe-core (WCAG 2.1 AA) on the coverage desk and the
/// assignment page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoverageBrowserTests
{
    private const string Title = "Peluncuran Aplikasi Layanan Desa";

    [Fact]
    public async Task Reporter_AtPhoneWidth_ReportsWithPhotoAndSubmitsThePressRelease()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        var activities = new CoverageActivities();
        var activity = activities.Add(Title, "Balai Desa Sukamaju", DateTimeOffset.UtcNow.AddHours(3));
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, services: activities.Register);
        using (var kadis = await app.LoginAsync("kadis"))
        {
            var created = await kadis.PostAsJsonAsync("/api/v1/assignments", new { activityId = activity.Id, sectionId = Office.SeksiMedia, note = "Liput peluncuran." });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var kasi = await app.LoginAsync("kasi");
            var assigned = await kasi.PostAsJsonAsync($"/api/v1/assignments/{id}/assign", new
            {
                reporterIds = new[] { (await Org.UserAsync(app, "reporter")).Id },
                photographerId = (await Org.UserAsync(app, "reporter2")).Id,
                note = "Wawancarai kepala desa.",
            });
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        }

        var context = await browser.Chromium.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "id-ID", ViewportSize = new() { Width = 360, Height = 740 }, DeviceScaleFactor = 1, HasTouch = true,
        });
        context.SetDefaultTimeout(45_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync("reporter");
        await page.GetByLabel("Kata sandi").FillAsync(NewsroomApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");

        // The desk: "Tugas saya" with the place, the time and the Kasi's note; accessible; nothing scrolls sideways.
        await page.GotoAsync("/admin/liputan");
        var card = page.Locator("#tugas-saya .coverage-card").First;
        Assert.Contains(Title, await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Balai Desa Sukamaju", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Wawancarai kepala desa.", await card.InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "/admin/liputan");
        await card.GetByRole(AriaRole.Link, new() { Name = "Buka penugasan" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/liputan/*");
        await AssertAccessibleAsync(page, "halaman penugasan");

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
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the assignment page scrolls sideways at 360 px");
        await AssertAccessibleAsync(page, "halaman penugasan dengan laporan");

        await page.GetByRole(AriaRole.Button, new() { Name = "Buat siaran pers" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/naskah/*");
        Assert.Contains($"Penugasan liputan: {Title}", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ajukan ke") }).ClickAsync();
        var itemId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        using var reporter = await app.LoginAsync("reporter");
        await Api.WaitForStatusAsync(reporter, itemId, "submitted", seconds: 20);
        var assignment = (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/assignments?mine=true"))[0];
        Assert.Equal(itemId, assignment.GetProperty("pressReleaseId").GetGuid());
        Assert.Equal("submitted", assignment.GetProperty("pressReleaseStatus").GetString());
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        Assert.True(result.Violations.Length == 0, $"{what}:\n{violations}");
    }
}
