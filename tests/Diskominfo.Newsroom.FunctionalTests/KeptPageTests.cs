using System.Net;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Theme;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Public pages kept as finished bytes for readers without cookies (<see cref="KeptPageCache"/>): handed out before the
/// rest of the pipeline, with the same bytes and headers the page had, dropped with the output cache's tags, and never
/// handed to a reader whose request could change the page (a language cookie, a signed-in desk session, a token).
/// </summary>
public sealed class KeptPageTests
{
    [Fact]
    public async Task ReaderWithoutCookies_SecondRequest_GetsTheKeptPage_SameBytesAndHeaders_OwnCorrelationId()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        string article;
        using (var reporter = await app.LoginAsync("reporter"))
        {
            article = await Api.PublishAsync(app, reporter, "Bupati Resmikan Pasar Rakyat Kecamatan Raya", "pemerintahan", photos: 1);
        }

        var kept = app.Services.GetRequiredService<KeptPageCache>();
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        foreach (var path in new[] { "/", article, "/kategori/pemerintahan", "/arsip" })
        {
            using var first = await reader.GetAsync(path);
            var hits = kept.Hits;
            using var second = await reader.GetAsync(path);
            Assert.Equal(hits + 1, kept.Hits);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
            Assert.NotNull(second.Headers.Age);
            Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
            foreach (var header in new[] { "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Content-Security-Policy", "Cross-Origin-Opener-Policy" })
            {
                Assert.Equal(first.Headers.GetValues(header), second.Headers.GetValues(header));
            }

            Assert.NotEqual(first.Headers.GetValues("X-Correlation-Id").Single(), second.Headers.GetValues("X-Correlation-Id").Single());
            Assert.False(second.Headers.Contains("Set-Cookie"));
        }

        // HEAD: the kept page's headers and length, no body.
        var before = kept.Hits;
        using var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, article));
        Assert.Equal(before + 1, kept.Hits);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal((await reader.GetByteArrayAsync(article)).Length, head.Content.Headers.ContentLength);

        // The kept page answers before the correlation middleware, and stamps the id as it would: the client's own
        // when it is a plain token, a new one for anything that could forge a log line.
        foreach (var (sent, echoed) in new[] { ("loket-42:a.b_c", true), ("x\" onload=alert(1)", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, article);
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", sent);
            before = kept.Hits;
            using var tagged = await reader.SendAsync(request);
            Assert.Equal(before + 1, kept.Hits);
            var id = tagged.Headers.GetValues("X-Correlation-Id").Single();
            Assert.Equal(echoed, id == sent);
            Assert.Matches(echoed ? "^loket-42:a\\.b_c$" : "^[0-9a-f]{32}$", id);
        }
    }

    [Fact]
    public async Task HttpsRedirectOn_PlainHttpReader_IsRedirected_NotHandedTheKeptPage_HealthStillAnswersOverHttp()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false,
            extraSettings: new Dictionary<string, string?> { ["Newsroom:Https:Redirect"] = "true", ["https_port"] = "443" });
        var kept = app.Services.GetRequiredService<KeptPageCache>();
        using var secure = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        using (await secure.GetAsync("/"))
        {
        }

        var hits = kept.Hits;
        using var again = await secure.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(hits + 1, kept.Hits);

        // The kept pages come before the operations module; the redirection after it, so a plain-HTTP reader must pass by
        // the kept pages to be redirected, and the load balancer's plain-HTTP probe is still answered.
        using var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        for (var i = 0; i < 2; i++)
        {
            using var redirected = await plain.GetAsync("/");
            Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
            Assert.Equal("https://localhost/", redirected.Headers.Location!.ToString());
        }

        Assert.Equal(hits + 1, kept.Hits);
        using var health = await plain.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task KeptHomePage_NewPublication_EvictsIt_ReaderWithoutCookiesSeesTheNewArticle()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        await Api.PublishAsync(app, reporter, "Pasar Rakyat Kecamatan Raya Diresmikan", "pemerintahan", photos: 0);
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var kept = app.Services.GetRequiredService<KeptPageCache>();
        await reader.GetStringAsync("/");
        var hits = kept.Hits;
        Assert.DoesNotContain("Jembatan Gantung Desa Sukamaju", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(hits + 1, kept.Hits);

        await Api.PublishAsync(app, reporter, "Jembatan Gantung Desa Sukamaju Selesai Dibangun", "pembangunan", photos: 0);

        // Eviction follows the commit through the node signal; the kept page must not outlive it.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        string home;
        do
        {
            home = await reader.GetStringAsync("/");
        }
        while (!home.Contains("Jembatan Gantung Desa Sukamaju", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());
        Assert.Contains("Jembatan Gantung Desa Sukamaju", home, StringComparison.Ordinal);

        // And it is kept again: the next reader without cookies gets the new page from the kept pages.
        hits = kept.Hits;
        Assert.Equal(home, await reader.GetStringAsync("/"));
        Assert.Equal(hits + 1, kept.Hits);

        // Evicting everything through the output cache's store (as an identity change does) drops the kept pages too.
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(SiteCache.Everything, default);
        Assert.Equal(0, kept.Count);
    }

    [Fact]
    public async Task ReadersWithCookiesOrTokens_NeverGetTheKeptPage()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        var kept = app.Services.GetRequiredService<KeptPageCache>();
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        Assert.Contains("<html lang=\"id\">", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"id\">", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        var hits = kept.Hits;
        Assert.True(hits >= 1);

        // The reader who chose English gets English, not the kept Indonesian page.
        using (var english = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            english.Headers.Add("Cookie", "newsroom-lang=c%3Den%7Cuic%3Den");
            using var answer = await reader.SendAsync(english);
            Assert.Contains("<html lang=\"en\">", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A signed-in desk session and an API token go through the whole pipeline.
        using (var desk = new DeskClient(app.CreateClient()))
        {
            using var signIn = await desk.PostFormAsync("/masuk", new() { ["UserName"] = "admin", ["Password"] = NewsroomApp.Password }, "/masuk");
            Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/")).StatusCode);
        }

        using (var api = await app.LoginAsync("reporter"))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/")).StatusCode);
        }

        Assert.Equal(hits, kept.Hits);

        // A page the output cache does not keep (the sign-in page) is not kept here either.
        await reader.GetStringAsync("/masuk");
        await reader.GetStringAsync("/masuk");
        Assert.Equal(hits, kept.Hits);
    }

    [Fact]
    public async Task PageCacheSwitchedOff_NothingIsKept()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?> { ["Newsroom:Site:CachePages"] = "false" });
        var kept = app.Services.GetRequiredService<KeptPageCache>();
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        await reader.GetStringAsync("/");
        using var again = await reader.GetAsync("/");
        Assert.Null(again.Headers.Age);
        Assert.Equal(0, kept.Count);
        Assert.Equal(0, kept.Hits);
    }

    [Fact]
    public async Task KeptPagesSwitchedOff_OutputCacheAloneKeepsThePage()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?> { [KeptPageCache.Setting] = "false" });
        var kept = app.Services.GetRequiredService<KeptPageCache>();
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var first = await reader.GetStringAsync("/");
        using var again = await reader.GetAsync("/");
        Assert.NotNull(again.Headers.Age);
        Assert.Equal(first, await again.Content.ReadAsStringAsync());
        Assert.Equal(0, kept.Count);
        Assert.Equal(0, kept.Hits);
    }

    [Fact]
    public async Task KeptPageKey_PageNumberSeparatesPages_OtherQueryAndPathCaseDoNot_OverlongPathPassesBy()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        var kept = app.Services.GetRequiredService<KeptPageCache>();
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        // The key is the output cache's: the page number (halaman) makes its own page, another query value does not,
        // and neither does the path's case.
        const string category = "/kategori/pemerintahan";
        var page = await reader.GetStringAsync(category);
        Assert.Equal(page, await reader.GetStringAsync(category + "?halaman=1"));
        var (count, hits) = (kept.Count, kept.Hits);
        Assert.True(count >= 2);
        foreach (var path in new[] { category, category + "?halaman=1", category + "?utm_source=wa", "/KATEGORI/Pemerintahan" })
        {
            Assert.Equal(page, await reader.GetStringAsync(path));
        }

        Assert.Equal(hits + 4, kept.Hits);
        Assert.Equal(count, kept.Count);

        // A path longer than any key is answered by the pipeline as usual, never from (or into) the kept pages.
        var overlong = "/kategori/" + new string('a', 600);
        for (var i = 0; i < 2; i++)
        {
            using var answer = await reader.GetAsync(overlong);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        Assert.Equal(hits + 4, kept.Hits);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }
}
