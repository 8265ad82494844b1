using System.Net;
using Diskominfo.Newsroom.Theme;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The public pages are kept rendered and handed to every reader, so no reader's request may decide what the next one
/// gets. Each hostile request below reaches an empty cache first (it would be the one kept), then a plain reader asks
/// for the same page and must get exactly the page a plain reader gets from an empty cache.
/// </summary>
public sealed class CachePoisoningTests
{
    /// <summary>What a reader controls: query parameters, headers, cookies.</summary>
    private static readonly (string Name, Action<HttpRequestMessage> Apply)[] Attacks =
    [
        ("?culture=en", r => r.RequestUri = Query(r, "culture=en")),
        ("?ui-culture=en", r => r.RequestUri = Query(r, "ui-culture=en")),
        ("?culture=en&ui-culture=en", r => r.RequestUri = Query(r, "culture=en&ui-culture=en")),
        ("?c=en&r=//evil.example", r => r.RequestUri = Query(r, "c=en&r=%2F%2Fevil.example")),
        ("unused parameter", r => r.RequestUri = Query(r, "utm_source=%3Cscript%3Eevil.example%3C%2Fscript%3E")),
        ("language cookie", r => r.Headers.Add("Cookie", "newsroom-lang=c%3Den%7Cuic%3Den")),
        ("language cookie, __Host- name over HTTP", r => r.Headers.Add("Cookie", "__Host-newsroom-lang=c%3Den%7Cuic%3Den")),
        ("framework's culture cookie", r => r.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den")),
        ("forged sign-in cookie", r => r.Headers.Add("Cookie", "newsroom-desk=CfDJ8evil; newsroom-csrf=evil")),
        ("Host", r => r.Headers.Host = "evil.example"),
        ("X-Forwarded-Host", r => r.Headers.Add("X-Forwarded-Host", "evil.example")),
        ("X-Forwarded-Proto and -For", r =>
        {
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "203.0.113.9");
        }),
        ("Forwarded", r => r.Headers.Add("Forwarded", "for=203.0.113.9;host=evil.example;proto=https")),
        ("X-Forwarded-Prefix", r => r.Headers.Add("X-Forwarded-Prefix", "/evil.example")),
        ("X-Original-URL", r =>
        {
            r.Headers.Add("X-Original-URL", "/admin");
            r.Headers.Add("X-Rewrite-URL", "/admin");
        }),
        ("X-HTTP-Method-Override", r => r.Headers.Add("X-HTTP-Method-Override", "POST")),
        ("Accept-Language", r => r.Headers.Add("Accept-Language", "en-US,en;q=0.9")),
        ("Accept", r => r.Headers.Add("Accept", "application/json")),
        ("User-Agent", r => r.Headers.Add("User-Agent", "evil.example-bot/1.0")),
        ("Authorization", r => r.Headers.Add("Authorization", "Bearer evil.example")),
    ];

    [Fact]
    public async Task PublicPages_HostileRequestReachesTheCacheFirst_NextReaderGetsThePlainPage()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using (var reporter = await app.LoginAsync("reporter"))
        {
            await Api.PublishAsync(app, reporter, "Bupati Resmikan Pasar Rakyat Kecamatan Raya", "pemerintahan", photos: 1);
        }

        var article = (await ReaderGetAsync(app, "/kategori/pemerintahan")).Split("href=\"/berita/")[1].Split('"')[0];
        string[] paths =
        [
            "/", "/kategori/pemerintahan", "/arsip", "/berita/" + article, "/rss.xml", "/atom.xml",
            "/kategori/pemerintahan/rss.xml", "/sitemap.xml", "/robots.txt",
        ];
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        // What a plain reader gets from an empty cache; and the cache is really in use (the second answer is a kept one).
        var plain = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            await store.EvictByTagAsync(SiteCache.Everything, default);
            plain[path] = await reader.GetStringAsync(path);
            using var again = await reader.GetAsync(path);
            Assert.NotNull(again.Headers.Age);
            Assert.Equal(plain[path], await again.Content.ReadAsStringAsync());
        }

        Assert.Contains("<html lang=\"id\">", plain["/"], StringComparison.Ordinal);
        foreach (var (name, apply) in Attacks)
        {
            foreach (var path in paths)
            {
                await store.EvictByTagAsync(SiteCache.Everything, default);
                using (var hostile = new HttpRequestMessage(HttpMethod.Get, path))
                {
                    apply(hostile);
                    using var answer = await reader.SendAsync(hostile);
                    Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{name} on {path}: {(int)answer.StatusCode}");
                }

                var next = await reader.GetStringAsync(path);
                Assert.True(plain[path] == next, $"after a request with {name}, {path} changed for the next reader");
                Assert.DoesNotContain("evil.example", next, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task HomePage_ReaderWhoChoseEnglish_GetsEnglish_OthersKeepIndonesian()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        // The English reader's page is kept too, under its own language: neither language takes the other's place.
        Assert.Contains("<html lang=\"id\">", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", await EnglishAsync(reader), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"id\">", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", await EnglishAsync(reader), StringComparison.Ordinal);

        // A link cannot switch a reader's language (nor the kept page's): only the reader's own choice at /bahasa does.
        Assert.Contains("<html lang=\"id\">", await reader.GetStringAsync("/?culture=en&ui-culture=en"), StringComparison.Ordinal);
    }

    private static async Task<string> EnglishAsync(HttpClient reader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "newsroom-lang=c%3Den%7Cuic%3Den");
        using var response = await reader.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ReaderGetAsync(NewsroomApp app, string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        return await client.GetStringAsync(path);
    }

    private static Uri Query(HttpRequestMessage request, string query) => new($"{request.RequestUri!.OriginalString}?{query}", UriKind.Relative);
}
