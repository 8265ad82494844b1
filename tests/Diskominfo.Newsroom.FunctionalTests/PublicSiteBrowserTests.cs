using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The public site in Chromium: WCAG 2.1 AA by axe-core on home, article, category and search pages, the keyboard
/// path, the feeds a browser finds from the page head, and the article at phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicSiteBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PublicPages_PassAxeWcag21AA_KeyboardAndPhoneWidth_FeedsFoundFromTheHead()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true);
        using var reporter = await app.LoginAsync("reporter");
        var first = await Api.PublishAsync(app, reporter, "Bupati Tinjau Panen Raya di Kecamatan Sukamaju", "ekonomi", 2);
        var article = await Api.PublishAsync(app, reporter, "Jembatan Gantung Desa Raya Kembali Dibuka untuk Warga", "pembangunan", 3);

        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "id-ID" });
        context.SetDefaultTimeout(45_000);
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/", article, "/kategori/pembangunan", "/cari?q=jembatan", "/arsip" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal((int)HttpStatusCode.OK, response!.Status);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            var violations = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
            Assert.True(result.Violations.Length == 0, $"{path}:\n{violations}");
            Assert.All(await page.Locator("img").AllAsync(), img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttributeAsync("alt").Result)));
        }

        // The keyboard: the first Tab reaches "skip to content", which takes the reader past the navigation.
        await page.GotoAsync(article);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Langsung ke isi", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#konten", page.Url, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('main').contains(document.activeElement)"), "After the skip link, focus is not in the main content.");

        // The feeds the page head announces load and hold the news.
        foreach (var type in new[] { "application/rss+xml", "application/atom+xml" })
        {
            var href = await page.Locator($"link[rel=alternate][type='{type}']").GetAttributeAsync("href");
            var titles = await page.EvaluateAsync<string[]>(
                "async href => { const xml = new DOMParser().parseFromString(await (await fetch(href)).text(), 'application/xml'); return [...xml.querySelectorAll('item > title, entry > title')].map(t => t.textContent); }",
                href);
            Assert.Equal(["Jembatan Gantung Desa Raya Kembali Dibuka untuk Warga", "Bupati Tinjau Panen Raya di Kecamatan Sukamaju"], titles);
        }

        // At phone width: nothing scrolls sideways, the title and the lead photo are in the first screen, the phone
        // gets the narrow WebP rendition.
        var phone = await browser.Chromium.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, DeviceScaleFactor = 1 });
        phone.SetDefaultTimeout(45_000);
        var mobile = await phone.NewPageAsync();
        var images = new List<string>();
        mobile.Response += (_, r) => { if (r.Url.Contains("/media/", StringComparison.Ordinal)) { images.Add(new Uri(r.Url).AbsolutePath); } };
        await mobile.GotoAsync(article, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(await mobile.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The article page scrolls sideways at 360 px.");
        var title = await mobile.Locator("h1").BoundingBoxAsync();
        var photo = await mobile.Locator(".lead-photo img").BoundingBoxAsync();
        Assert.True(title!.Y + title.Height <= 740 && photo!.Y < 740 && photo.Width <= 360, $"title at {title.Y}, photo at {photo?.Y} ({photo?.Width} wide)");
        Assert.Contains(images, i => i.EndsWith("/w480.webp", StringComparison.Ordinal));
        Assert.DoesNotContain(images, i => i.EndsWith("/w1200.webp", StringComparison.Ordinal) || i.EndsWith(".jpg", StringComparison.Ordinal));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "artikel-360.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        var png = await mobile.ScreenshotAsync(new() { Path = screenshot, FullPage = false });
        using var shot = NetVips.Image.NewFromBuffer(png);
        Assert.Equal((360, 740), (shot.Width, shot.Height));
        Assert.True(shot.Deviate() > 20, "The phone screenshot is nearly blank.");
        output.WriteLine($"phone screenshot: {screenshot}; media loaded: {string.Join(", ", images)}; first article {first}");
    }

}
