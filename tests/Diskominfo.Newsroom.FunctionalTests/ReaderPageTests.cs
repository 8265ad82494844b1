using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// What readers see (issue 16 §5): the headline and list photos are landscape crops whatever the original's shape, a
/// portrait photo keeps its shape only inside the article and within the screen; the press release's video is a player
/// loaded on click from a privacy-friendly host (allowed by the page's policy, nothing fetched before); every article has
/// plain share links and a copy-link button.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderPageTests
{
    private const string YouTubeId = "dQw4w9WgXcQ";

    private const string AltText = "Barisan atlet berseragam merah di depan panggung upacara";

    [Fact]
    public async Task PortraitHeadline_VideoOnClick_ShareLinks_AsReadersSeeThem()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true);
        using var reporter = await app.LoginAsync("reporter");
        var older = await Api.PublishAsync(app, reporter, "Pasar Rakyat Kecamatan Raya Ramai Pengunjung", "ekonomi", 1);
        var (article, photoId) = await PublishPortraitWithVideoAsync(app, reporter, "Bupati Lepas Kontingen Porprov dengan Upacara di Alun-Alun");

        // The landscape rendition of a portrait original: 3:2 at every width; an unknown width is not served.
        using var anonymous = app.CreateClient();
        using (var landscape = NetVips.Image.NewFromBuffer(await anonymous.GetByteArrayAsync($"/media/{photoId:N}/l800.jpg")))
        {
            Assert.Equal((800, 533), (landscape.Width, landscape.Height));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/media/{photoId:N}/l640.jpg")).StatusCode);

        // The article's policy lets the two players' hosts in frames, and only where there is such a video.
        var withVideo = await anonymous.GetAsync(article);
        Assert.Contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com", withVideo.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("frame-src", (await anonymous.GetAsync(older)).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        foreach (var (width, height) in new[] { (360, 740), (1280, 800) })
        {
            var context = await browser.Chromium.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "id-ID", ViewportSize = new() { Width = width, Height = height } });
            context.SetDefaultTimeout(45_000);
            var home = await context.NewPageAsync();
            await home.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });

            // The headline's portrait photo is shown as a landscape crop: it takes well under a screen, and the
            // headline's title stays in the first screen.
            var photo = home.Locator(".headline img");
            Assert.Equal(AltText, await photo.GetAttributeAsync("alt"));
            await photo.EvaluateAsync("img => img.decode()");
            var (natural, box) = (await photo.EvaluateAsync<double[]>("img => [img.naturalWidth / img.naturalHeight]"), await photo.BoundingBoxAsync());
            Assert.InRange(natural[0], 1.45, 1.55);
            Assert.InRange(box!.Width / box.Height, 1.45, 1.55);
            Assert.True(box.Height <= height * 0.65, $"At {width}x{height} the headline photo is {box.Height} px high.");
            var title = await home.Locator(".headline h2").BoundingBoxAsync();
            Assert.True(title!.Y + title.Height <= height, $"At {width}x{height} the headline's title ends at {title.Y + title.Height}.");
            Assert.True(await home.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"The home page scrolls sideways at {width} px.");

            // Inside the article the portrait photo keeps its shape, within the viewport's height.
            var page = await context.NewPageAsync();
            var thirdParty = new List<string>();
            page.Request += (_, r) => { if (!r.Url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal)) { thirdParty.Add(r.Url); } };
            await page.RouteAsync("https://www.youtube-nocookie.com/**", r => r.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>pemutar</title>" }));
            await page.GotoAsync(article, new() { WaitUntil = WaitUntilState.Load });
            var lead = page.Locator(".lead-photo img");
            Assert.Equal(AltText, await lead.GetAttributeAsync("alt"));
            await lead.EvaluateAsync("img => img.decode()");
            var shape = await lead.EvaluateAsync<double>("img => img.naturalWidth / img.naturalHeight");
            var leadBox = await lead.BoundingBoxAsync();
            Assert.True(shape < 0.8, $"The article's photo is not portrait ({shape}).");
            Assert.InRange(leadBox!.Width / leadBox.Height, shape * 0.97, shape * 1.03);
            Assert.True(leadBox.Height <= height, $"At {width}x{height} the portrait photo is {leadBox.Height} px high.");

            // The video: nothing from its host until the reader asks; then the privacy-friendly player.
            Assert.Equal(0, await page.Locator(".video iframe").CountAsync());
            Assert.Empty(thirdParty);
            await page.GetByRole(AriaRole.Button, new() { Name = "Putar video dari YouTube" }).ClickAsync();
            var frame = page.Locator(".video iframe");
            await frame.WaitForAsync();
            Assert.Equal($"https://www.youtube-nocookie.com/embed/{YouTubeId}?autoplay=1", await frame.GetAttributeAsync("src"));
            await WaitUntilAsync(() => thirdParty.Any(u => u.StartsWith($"https://www.youtube-nocookie.com/embed/{YouTubeId}", StringComparison.Ordinal)));

            // Plain share links, no third-party script, and the copy button.
            var address = (await page.Locator("link[rel=canonical]").GetAttributeAsync("href"))!;
            Assert.EndsWith(article, address, StringComparison.Ordinal);
            var encoded = Uri.EscapeDataString(address);
            Assert.Equal($"https://www.facebook.com/sharer/sharer.php?u={encoded}", await page.Locator("a.share-facebook").GetAttributeAsync("href"));
            Assert.StartsWith("https://wa.me/?text=Bupati%20Lepas", await page.Locator("a.share-whatsapp").GetAttributeAsync("href"), StringComparison.Ordinal);
            Assert.EndsWith(encoded, await page.Locator("a.share-whatsapp").GetAttributeAsync("href"), StringComparison.Ordinal);
            Assert.StartsWith($"https://x.com/intent/post?url={encoded}&text=", await page.Locator("a.share-x").GetAttributeAsync("href"), StringComparison.Ordinal);
            Assert.StartsWith($"https://t.me/share/url?url={encoded}&text=", await page.Locator("a.share-telegram").GetAttributeAsync("href"), StringComparison.Ordinal);
            Assert.Empty(await page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => s.src).filter(s => s && !s.startsWith(location.origin))"));
            await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = app.BaseAddress.GetLeftPart(UriPartial.Authority) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Salin tautan" }).ClickAsync();
            await page.Locator(".share-status", new() { HasText = "Tautan disalin." }).WaitForAsync();
            Assert.Equal(address, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

            if (width == 360)
            {
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The article scrolls sideways at 360 px.");
                var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
                Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
            }

            await context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1")]
    [InlineData("https://www.youtube.com/watch?v=pendek", null)]
    [InlineData("https://diskominfo.example.go.id/video/rapat.mp4", null)]
    public void VideoEmbed_FromLink_PrivacyFriendlyPlayerOrPlainLink(string link, string? player)
    {
        var video = Theme.VideoEmbed.From(link);
        Assert.NotNull(video);
        Assert.Equal(player, video.Player);
        Assert.Null(Theme.VideoEmbed.From("javascript:alert(1)"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "The player was not requested after the click.");
    }

    private static async Task<(string Path, Guid PhotoId)> PublishPortraitWithVideoAsync(NewsroomApp app, HttpClient reporter, string title)
    {
        var created = await reporter.PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release",
            title,
            lead = "Bupati melepas 240 atlet yang akan bertanding di Pekan Olahraga Provinsi.",
            body = "Upacara pelepasan berlangsung di alun-alun kabupaten.",
            category = "olahraga",
            eventDate = "2026-11-28",
            eventPlace = "Alun-alun Kabupaten",
            videoUrl = $"https://www.youtube.com/watch?v={YouTubeId}",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var upload = await Api.UploadAsync(reporter, id, Api.Jpeg(900, 1600), "potret.jpg", caption: "Atlet berbaris di alun-alun");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var photoId = (await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("mediaId").GetGuid();
        var texts = await reporter.PutAsJsonAsync($"/api/v1/items/{id}/media/{photoId}", new { caption = "Atlet berbaris di alun-alun", credit = "Humas Diskominfo", alt = AltText });
        Assert.Equal(HttpStatusCode.OK, texts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");
        return (new Uri(Publications.Of(item, "website").GetProperty("url").GetString()!).AbsolutePath, photoId);
    }
}
