using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The public site as readers and search engines meet it: pages, feeds, sitemap, metadata.</summary>
public sealed partial class PublicSiteTests
{
    [Fact]
    public async Task PublishedNews_OnHomeCategoryArchiveSearchFeedsAndSitemap_DraftsNowhere()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, extraSettings: new Dictionary<string, string?> { ["Newsroom:Site:PageSize"] = "2" });
        using var reporter = await app.LoginAsync("reporter");
        var bridge = await Api.PublishAsync(app, reporter, "Jembatan Raya Diresmikan Bupati", "pembangunan", 1);
        var road = await Api.PublishAsync(app, reporter, "Jalan Desa Sukamaju Selesai Diaspal", "pembangunan", 0);
        var clinic = await Api.PublishAsync(app, reporter, "Puskesmas Raya Buka Layanan Malam", "kesehatan", 1);
        var draft = await Api.CreatePressReleaseAsync(reporter, title: "Draf Rahasia Jembatan Baru", category: "pembangunan");

        using var reader = app.CreateClient();
        var home = await reader.GetStringAsync("/");
        Assert.Contains("Puskesmas Raya Buka Layanan Malam", Between(home, "class=\"headline\"", "</article>"), StringComparison.Ordinal);
        Assert.Contains("id=\"kategori-pembangunan\"", home, StringComparison.Ordinal);
        Assert.Contains("id=\"kategori-kesehatan\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Draf Rahasia", home, StringComparison.Ordinal);
        Assert.Matches(IndonesianDate(), home);

        // Category pages list their own news, newest first, two to a page.
        var category = await reader.GetStringAsync("/kategori/pembangunan");
        Assert.True(category.IndexOf("Jalan Desa Sukamaju", StringComparison.Ordinal) < category.IndexOf("Jembatan Raya Diresmikan", StringComparison.Ordinal));
        Assert.DoesNotContain("Puskesmas", Between(category, "<main", "</main>"), StringComparison.Ordinal);
        Assert.DoesNotContain("Draf Rahasia", category, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/kategori/tidak-ada")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/kategori/pembangunan?halaman=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/kategori/pembangunan?halaman=2147483647")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/kategori/pembangunan?halaman=dua")).StatusCode);

        // The month's archive, paged: three items, two pages.
        var month = Regex.Match(await reader.GetStringAsync("/arsip"), @"href=""(/arsip/\d{4}/\d{2})""").Groups[1].Value;
        Assert.NotEmpty(month);
        var first = await reader.GetStringAsync(month);
        Assert.Contains("Halaman 1 dari 2", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"{month}?halaman=2\"", first, StringComparison.Ordinal);
        var second = await reader.GetStringAsync($"{month}?halaman=2");
        Assert.Contains("Jembatan Raya Diresmikan Bupati", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"canonical\" href=\"http://localhost" + month + "?halaman=2\"", second, StringComparison.Ordinal);

        // Search: the archive's engine over published versions; drafts never (the index follows within a moment).
        var found = "";
        for (var wait = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < wait && !found.Contains("Jembatan Raya Diresmikan Bupati", StringComparison.Ordinal); await Task.Delay(100))
        {
            found = await reader.GetStringAsync("/cari?q=%22raya%20DIRESMIKAN%22");
        }

        Assert.Contains("1 berita ditemukan", found, StringComparison.Ordinal);
        Assert.Contains("Jembatan Raya Diresmikan Bupati", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Draf Rahasia", found, StringComparison.Ordinal);
        Assert.Contains("Tidak ada berita", await reader.GetStringAsync("/cari?q=rahasia"), StringComparison.Ordinal);
        Assert.Contains("Tidak ada berita", await reader.GetStringAsync("/cari?q=100%25_"), StringComparison.Ordinal);

        // RSS and Atom, all and per category, parse as such.
        var rss = await FeedAsync(reader, "/rss.xml");
        Assert.Equal(3, rss.Items.Count());
        Assert.Equal("Puskesmas Raya Buka Layanan Malam", rss.Items.First().Title.Text);
        var atom = await FeedAsync(reader, "/kategori/kesehatan/atom.xml");
        Assert.Equal("Puskesmas Raya Buka Layanan Malam", Assert.Single(atom.Items).Title.Text);
        Assert.StartsWith("http://localhost/berita/", atom.Items.Single().Links[0].Uri.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/atom+xml", (await reader.GetAsync("/atom.xml")).Content.Headers.ContentType!.MediaType);

        // The sitemap: every article, the recent ones as news, their photos as images; robots.txt names it.
        var sitemap = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9", news = "http://www.google.com/schemas/sitemap-news/0.9", image = "http://www.google.com/schemas/sitemap-image/1.1";
        var urls = sitemap.Root!.Elements(sm + "url").ToList();
        Assert.Equal(4, urls.Count); // home and three articles
        var bridgeUrl = urls.Single(u => u.Element(sm + "loc")!.Value.EndsWith(bridge, StringComparison.Ordinal));
        Assert.Equal("Jembatan Raya Diresmikan Bupati", bridgeUrl.Element(news + "news")!.Element(news + "title")!.Value);
        Assert.Single(bridgeUrl.Elements(image + "image"));
        Assert.Empty(urls.Single(u => u.Element(sm + "loc")!.Value.EndsWith(road, StringComparison.Ordinal)).Elements(image + "image"));
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", await reader.GetStringAsync("/robots.txt"), StringComparison.Ordinal);
        Assert.DoesNotContain(urls, u => u.ToString().Contains(draft.ToString(), StringComparison.Ordinal));

        // The article: canonical, OpenGraph and Twitter with the 1200 x 630 image, JSON-LD NewsArticle, related news.
        var article = await reader.GetStringAsync(clinic);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost{clinic}\" />", article, StringComparison.Ordinal);
        Assert.Matches(@"<meta property=""og:image"" content=""http://localhost/media/[0-9a-f]{32}/bagikan\.jpg"" />", article);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\" />", article, StringComparison.Ordinal);
        var jsonLd = JsonDocument.Parse(Regex.Match(article, @"<script type=""application/ld\+json"">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value).RootElement;
        Assert.Equal("NewsArticle", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("Puskesmas Raya Buka Layanan Malam", jsonLd.GetProperty("headline").GetString());
        Assert.Equal("Kesehatan", jsonLd.GetProperty("articleSection").GetString());
        Assert.True(DateTimeOffset.TryParse(jsonLd.GetProperty("datePublished").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Contains("Berita terkait", await reader.GetStringAsync(road), StringComparison.Ordinal);
        Assert.Contains(bridge, Between(await reader.GetStringAsync(road), "id=\"terkait\"", "</section>"), StringComparison.Ordinal);

        // A slug typed in capitals leads to the one address.
        var upper = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(bridge.ToUpperInvariant().Replace("/BERITA/", "/berita/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.MovedPermanently, upper.StatusCode);
        Assert.Equal(bridge, upper.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PublicPages_KeptRendered_UntilAPublicationOrCorrectionChangesThem_AssetsCachedForAYear()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        var first = await Api.PublishAsync(app, reporter, "Festival Layang-Layang Pantai Raya", "pariwisata", 1);
        using var reader = app.CreateClient();
        Assert.Contains("Festival Layang-Layang", await reader.GetStringAsync("/"), StringComparison.Ordinal);

        // Kept: a change behind the site's back (no publication) is not seen by readers while the page is cached;
        // signed-in staff get the live page.
        Assert.Contains("Festival Layang-Layang", await reader.GetStringAsync("/kategori/pariwisata"), StringComparison.Ordinal);
        Assert.Equal(1, await database.ExecuteAsync(app, "UPDATE content_versions SET \"Title\" = 'Diubah Diam-Diam' WHERE \"Title\" = 'Festival Layang-Layang Pantai Raya'"));
        Assert.Contains("Festival Layang-Layang", await reader.GetStringAsync("/kategori/pariwisata"), StringComparison.Ordinal);
        using var staff = await app.LoginAsync("kasi");
        Assert.Contains("Diubah Diam-Diam", await staff.GetStringAsync("/kategori/pariwisata"), StringComparison.Ordinal);
        var cachedArticle = await reader.GetStringAsync(first);

        // A publication evicts the lists (the new item is on the home page and in the feed at once) ...
        var second = await Api.PublishAsync(app, reporter, "Lomba Perahu Hias Sungai Raya", "pariwisata", 0);
        Assert.Contains("Lomba Perahu Hias", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Lomba Perahu Hias", await reader.GetStringAsync("/kategori/pariwisata/rss.xml"), StringComparison.Ordinal);
        Assert.Contains("Diubah Diam-Diam", await reader.GetStringAsync("/kategori/pariwisata"), StringComparison.Ordinal);

        // ... and the related news of the same category's articles.
        Assert.DoesNotContain("Lomba Perahu Hias", cachedArticle, StringComparison.Ordinal);
        Assert.Contains("Lomba Perahu Hias", await reader.GetStringAsync(first), StringComparison.Ordinal);

        Assert.Contains("Lomba Perahu Hias", await reader.GetStringAsync(second), StringComparison.Ordinal);

        // Stylesheets with their hash in the address are cached for a year.
        var home = await reader.GetStringAsync("/");
        var css = Regex.Match(home, @"href=""(/_content/Diskominfo\.Newsroom\.Theme/css/public\.css\?v=[^""]+)""").Groups[1].Value;
        var cssResponse = await reader.GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, cssResponse.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), cssResponse.Headers.CacheControl!.MaxAge);
        Assert.Contains("immutable", cssResponse.Headers.CacheControl.ToString(), StringComparison.Ordinal);
    }

    private static async Task<SyndicationFeed> FeedAsync(HttpClient client, string path)
    {
        using var stream = await client.GetStreamAsync(path);
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..(to < 0 ? text.Length : to)];
    }

    [GeneratedRegex(@"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} \d{2}\.\d{2} WIB")]
    private static partial Regex IndonesianDate();
}
