using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Harness;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The site as it is deployed: behind a TLS reverse proxy (Debian's nginx with the configuration in <c>deploy/</c>),
/// believing forwarded headers only from the proxies it was told of, with <c>__Host-</c> cookies, HSTS and absolute
/// links on the public address whatever <c>Host</c> a request names.
/// </summary>
public sealed partial class ReverseProxyTests
{
    private static readonly IPAddress Browser = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Intruder = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task BehindNginx_HttpsCookiesHstsRedirectsPublicLinksAndClientAddress()
    {
        NginxProxy.RequireExecutable();
        var sitePort = SiteProcess.FreePort();
        await using var nginx = await NginxProxy.StartAsync(sitePort);
        var publicBase = nginx.BaseAddress.ToString().TrimEnd('/');
        var dataDir = Directory.CreateTempSubdirectory("newsroom-proxy-").FullName;
        try
        {
            // The site runs as the systemd unit and its environment file say, on a port of the test's own.
            var environment = await DeployedEnvironmentAsync(sitePort);
            environment["Newsroom__PublicBaseUrl"] = publicBase;
            environment["Newsroom__DemoAccounts"] = "true";
            environment["Newsroom__RunJobServer"] = "true";
            await using var site = SiteRun.Start(dataDir, environment);
            var siteAddress = new Uri($"http://127.0.0.1:{sitePort}");
            await site.WaitReadyAsync(siteAddress, TimeSpan.FromSeconds(120));
            var articlePath = await PublishAsync(siteAddress, publicBase);

            // Plain HTTP is only the way to HTTPS.
            using (var plain = nginx.Client(Browser))
            {
                var redirect = await plain.GetAsync(new Uri(nginx.PlainAddress, "/arsip?halaman=2"));
                Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
                Assert.Equal($"{publicBase}/arsip?halaman=2", redirect.Headers.Location?.OriginalString);
            }

            // Over HTTPS: HSTS, and cookies that only this host over HTTPS can set.
            var cookies = new CookieContainer();
            using var browser = nginx.Client(Browser, cookies);
            using (var form = await browser.GetAsync("/masuk"))
            {
                Assert.Equal(HttpStatusCode.OK, form.StatusCode);
                Assert.Equal("max-age=31536000", string.Join(",", form.Headers.GetValues("Strict-Transport-Security")));
                AssertHostCookie(form, "__Host-newsroom-csrf", "strict");
            }

            using (var signIn = await new DeskClient(browser).PostFormAsync("/masuk", new() { ["UserName"] = "admin", ["Password"] = NewsroomApp.Password }, "/masuk"))
            {
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.Equal("/admin", signIn.Headers.Location?.OriginalString);
                AssertHostCookie(signIn, "__Host-newsroom-desk", "lax");
            }

            Assert.Contains("Meja kerja", await browser.GetStringAsync("/admin"), StringComparison.Ordinal);
            using (var english = await browser.GetAsync("/bahasa?c=id&r=%2Fadmin"))
            {
                AssertHostCookie(english, "__Host-newsroom-lang", "lax");
            }

            // The client address is the one nginx saw, whatever the client claims; the site believes nobody else.
            using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "kasi", password = "bukan-kata-sandinya" }) })
            {
                forged.Headers.Add("X-Forwarded-For", "203.0.113.66");
                Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(forged)).StatusCode);
            }

            using (var direct = NginxProxy.DirectClient(Intruder, sitePort))
            using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "kabid", password = "bukan-kata-sandinya" }) })
            {
                forged.Headers.Add("X-Forwarded-For", "198.51.100.7");
                forged.Headers.Add("X-Forwarded-Proto", "https");
                Assert.Equal(HttpStatusCode.Unauthorized, (await direct.SendAsync(forged)).StatusCode);
            }

            using var admin = nginx.Client(Browser);
            var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = NewsroomApp.Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            admin.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            var entries = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=auth.&pageSize=100")).GetProperty("entries").EnumerateArray().ToList();
            Assert.Contains(entries, e => e.GetProperty("action").GetString() == "auth.signed_in" && e.GetProperty("address").GetString() == "127.0.0.2");
            Assert.Equal("127.0.0.2", Single(entries, "auth.sign_in_failed", "kasi").GetProperty("address").GetString());
            Assert.Equal("127.0.0.3", Single(entries, "auth.sign_in_failed", "kabid").GetProperty("address").GetString());
            var raw = entries.Select(e => e.GetRawText()).ToList();
            Assert.DoesNotContain(raw, e => e.Contains("203.0.113.66", StringComparison.Ordinal) || e.Contains("198.51.100.7", StringComparison.Ordinal));

            // Absolute links are the public address, whatever Host the request names; an unknown Host is refused.
            foreach (var path in new[] { "/", articlePath, "/rss.xml", "/atom.xml", "/kategori/pemerintahan/rss.xml", "/sitemap.xml", "/robots.txt" })
            {
                foreach (var host in new[] { "localhost", "127.0.0.1", NginxProxy.ServerName })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.Host = host;
                    request.Headers.Add("X-Forwarded-Host", "evil.example");
                    request.Headers.Add("X-Forwarded-Proto", "http");
                    using var response = await browser.SendAsync(request);
                    Assert.True(HttpStatusCode.OK == response.StatusCode, $"{path} with Host {host}: {(int)response.StatusCode}");
                    var body = await response.Content.ReadAsStringAsync();
                    var links = AbsoluteLinkRegex().Matches(body).Select(m => m.Value).Where(l => !l.Contains("schema", StringComparison.Ordinal) && !l.Contains("w3.org", StringComparison.Ordinal)).ToList();
                    Assert.NotEmpty(links);

                    // The article's share links go to the networks, carrying the public address of the article.
                    string[] networks = ["https://wa.me/", "https://www.facebook.com/sharer/", "https://x.com/intent/", "https://t.me/share/"];
                    var shares = links.Where(l => networks.Any(n => l.StartsWith(n, StringComparison.Ordinal))).ToList();
                    Assert.All(shares, l => Assert.Contains(publicBase + "/berita/", Uri.UnescapeDataString(l), StringComparison.Ordinal));
                    Assert.All(links.Except(shares), l => Assert.StartsWith(publicBase + "/", l, StringComparison.Ordinal));
                    Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
                }
            }

            var page = await browser.GetStringAsync(articlePath);
            Assert.Contains($"<meta property=\"og:url\" content=\"{publicBase}{articlePath}\" />", page, StringComparison.Ordinal);
            Assert.Contains($"<link rel=\"canonical\" href=\"{publicBase}{articlePath}\" />", page, StringComparison.Ordinal);
            Assert.Contains($"\"mainEntityOfPage\":\"{publicBase}{articlePath}\"", page, StringComparison.Ordinal);
            foreach (var host in new[] { "evil.example", "berita.contoh.go.id.evil.example" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.Host = host;
                Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(request)).StatusCode);
            }

            // nginx refuses a body over its limit before the site reads any of it.
            using (var huge = new ByteArrayContent(new byte[31 * 1024 * 1024]))
            {
                huge.Headers.ContentType = new("application/json");
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await browser.PostAsync("/api/v1/auth/login", huge)).StatusCode);
            }

            // Stopped, nginx leaves no worker behind.
            Assert.NotEmpty(nginx.Workers());
            Assert.Empty(await nginx.StopAsync());
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task ForwardedHeaders_OnlyFromConfiguredProxies_DecideClientAddressAndRateLimit()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Proxy:KnownProxies"] = "10.0.0.5",
            ["Newsroom:Proxy:KnownNetworks"] = "192.0.2.0/24",
            ["Newsroom:RateLimits:SignIn:PermitLimit"] = "3",
        });
        var proxy = IPAddress.Parse("10.0.0.5");
        var otherProxy = IPAddress.Parse("192.0.2.7");
        var stranger = IPAddress.Parse("198.51.100.20");

        Assert.Equal(401, await FailedSignInAsync(app, proxy, "203.0.113.10"));
        Assert.Equal(401, await FailedSignInAsync(app, stranger, "203.0.113.10"));
        Assert.Equal(401, await FailedSignInAsync(app, otherProxy, "198.51.100.99, 203.0.113.11")); // only the proxy's own entry counts

        // The limit is per client: behind the proxy each client has its own budget; a stranger cannot buy a new one
        // by claiming another address.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, await FailedSignInAsync(app, proxy, "203.0.113.20"));
        }

        Assert.Equal(429, await FailedSignInAsync(app, proxy, "203.0.113.20"));
        Assert.Equal(401, await FailedSignInAsync(app, proxy, "203.0.113.21"));
        var intruder = IPAddress.Parse("198.51.100.30");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, await FailedSignInAsync(app, intruder, $"203.0.113.4{i}"));
        }

        Assert.Equal(429, await FailedSignInAsync(app, intruder, "203.0.113.49"));

        using var admin = await app.LoginAsync("admin");
        var addresses = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=auth.sign_in_failed&pageSize=100")).GetProperty("entries")
            .EnumerateArray().Select(e => e.GetProperty("address").GetString()).ToHashSet();
        string?[] expected = ["198.51.100.20", "198.51.100.30", "203.0.113.10", "203.0.113.11", "203.0.113.20", "203.0.113.21"];
        Assert.Equal(expected, addresses.Order(StringComparer.Ordinal));

        // The scheme too: only the proxy may say the client came over HTTPS (and so get the __Host- cookies).
        Assert.StartsWith("__Host-newsroom-csrf=", await AntiforgeryCookieAsync(app, proxy, "https"), StringComparison.Ordinal);
        Assert.StartsWith("newsroom-csrf=", await AntiforgeryCookieAsync(app, stranger, "https"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHeaders_NoProxyConfigured_LoopbackIsNotBelievedEither()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        Assert.Equal(401, await FailedSignInAsync(app, IPAddress.Loopback, "203.0.113.77"));
        using var admin = await app.LoginAsync("admin");
        var entry = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=auth.sign_in_failed")).GetProperty("entries")[0];
        Assert.Equal("127.0.0.1", entry.GetProperty("address").GetString());
        Assert.StartsWith("newsroom-csrf=", await AntiforgeryCookieAsync(app, IPAddress.Loopback, "https"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_OverHttps_HostPrefixedSecureHttpOnlySameSite_AndPlainOverHttpInDevelopment()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        await TwoFactorTests.EnrolAsync(app, "kasi");

        using (var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }))
        {
            var desk = new DeskClient(https);
            AssertHostCookie(await https.GetAsync("/masuk"), "__Host-newsroom-csrf", "strict");
            using var signIn = await desk.PostFormAsync("/masuk", new() { ["UserName"] = "reporter", ["Password"] = NewsroomApp.Password });
            AssertHostCookie(signIn, "__Host-newsroom-desk", "lax");
            Assert.Equal(HttpStatusCode.OK, (await https.GetAsync("/admin")).StatusCode);
            AssertHostCookie(await https.GetAsync("/bahasa?c=en&r=%2F"), "__Host-newsroom-lang", "lax");
        }

        using (var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }))
        {
            using var password = await new DeskClient(https).PostFormAsync("/masuk", new() { ["UserName"] = "kasi", ["Password"] = NewsroomApp.Password });
            Assert.Equal("/masuk/2fa", password.Headers.Location?.OriginalString);
            AssertHostCookie(password, "__Host-newsroom-2fa", "strict");
        }

        // Development over plain http://localhost: the same cookies without the prefix (a browser keeps no __Host- cookie
        // there), and signing in works.
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var plain = await new DeskClient(http).PostFormAsync("/masuk", new() { ["UserName"] = "reporter", ["Password"] = NewsroomApp.Password });
        var cookie = Assert.Single(plain.Headers.GetValues("Set-Cookie"), c => c.StartsWith("newsroom-desk=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public void AllowedHosts_OutsideDevelopment_PublicHostAndLoopbackUnlessConfigured()
    {
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };
        var publicOnly = Configuration(new() { ["Newsroom:PublicBaseUrl"] = "https://berita.contoh.go.id" });
        Assert.Equal(["berita.contoh.go.id", "localhost", "127.0.0.1", "[::1]"], PublicHosts.Allowed(publicOnly, production));
        Assert.Equal(["*"], PublicHosts.Allowed(publicOnly, development));
        var configured = Configuration(new() { ["Newsroom:PublicBaseUrl"] = "https://berita.contoh.go.id", ["AllowedHosts"] = "berita.contoh.go.id;www.berita.contoh.go.id" });
        Assert.Equal(["berita.contoh.go.id", "www.berita.contoh.go.id"], PublicHosts.Allowed(configured, production));
    }

    /// <summary>The one audit entry of <paramref name="action"/> for the user name typed (<c>after.userName</c>).</summary>
    private static JsonElement Single(List<JsonElement> entries, string action, string userName)
        => Assert.Single(entries, e => e.GetProperty("action").GetString() == action
            && e.GetProperty("after").ValueKind == JsonValueKind.Object
            && e.GetProperty("after").TryGetProperty("userName", out var typed) && typed.GetString() == userName);

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>A wrong password for <c>kasi</c> through the API, as if from <paramref name="from"/> carrying <paramref name="forwardedFor"/>; the status.</summary>
    private static async Task<int> FailedSignInAsync(NewsroomApp app, IPAddress from, string forwardedFor)
    {
        using var client = From(app, from);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "kasi", password = "bukan-kata-sandinya" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The antiforgery cookie set for the sign-in form asked for from <paramref name="from"/> with <c>X-Forwarded-Proto</c>.</summary>
    private static async Task<string> AntiforgeryCookieAsync(NewsroomApp app, IPAddress from, string proto)
    {
        using var client = From(app, from);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/masuk");
        request.Headers.Add("X-Forwarded-Proto", proto);
        request.Headers.Add("X-Forwarded-For", "203.0.113.200");
        using var response = await client.SendAsync(request);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("-csrf=", StringComparison.Ordinal));
    }

    /// <summary>A client of the in-memory site whose requests come from <paramref name="from"/> (as the connection's address).</summary>
    private static HttpClient From(NewsroomApp app, IPAddress from)
        => new(app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = from)) { BaseAddress = app.Server.BaseAddress };

    /// <summary>The response sets <paramref name="name"/> as a <c>__Host-</c> cookie must be: Secure, Path=/, no Domain; and HttpOnly with the SameSite mode.</summary>
    private static void AssertHostCookie(HttpResponseMessage response, string name, string sameSite)
    {
        var cookie = Assert.Single(response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [], c => c.StartsWith(name + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains($"samesite={sameSite}", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
    }

    /// <summary>The systemd unit's and the environment file's settings that decide how the site runs behind nginx.</summary>
    internal static async Task<Dictionary<string, string>> DeployedEnvironmentAsync(int sitePort)
    {
        var unit = await File.ReadAllLinesAsync(NginxProxy.RepositoryFile("deploy", "systemd", "diskominfo-newsroom.service"));
        var file = await File.ReadAllLinesAsync(NginxProxy.RepositoryFile("deploy", "systemd", "newsroom.env.example"));
        var settings = unit.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)).Select(l => l["Environment=".Length..])
            .Concat(file.Where(l => l.Length > 0 && !l.StartsWith('#')))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("http://127.0.0.1:5080", settings["ASPNETCORE_URLS"]);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = settings["ASPNETCORE_ENVIRONMENT"],
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{sitePort}",
            ["Newsroom__Proxy__KnownProxies"] = settings["Newsroom__Proxy__KnownProxies"],
        };
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        return environment;
    }

    /// <summary>
    /// A press release signed through the API (directly on the site, from the proxy's own address) and live on the
    /// website at the public address (the link social posts carry); its path.
    /// </summary>
    private static async Task<string> PublishAsync(Uri siteAddress, string publicBase)
    {
        using var api = await NewsroomApiClient.SignInAsync(siteAddress);
        var id = await api.PrepareAsync("Bupati Resmikan Pasar Rakyat di Belakang Proksi", NewsroomApiClient.Jpeg());
        await api.SignAsync(id);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var website = (await api.GetAsync(id)).GetProperty("publications").EnumerateArray().FirstOrDefault(p => p.GetProperty("channel").GetString() == "website");
            if (website.ValueKind == JsonValueKind.Object && website.GetProperty("status").GetString() == "published")
            {
                var url = website.GetProperty("url").GetString()!;
                Assert.StartsWith(publicBase + "/berita/", url, StringComparison.Ordinal);
                return new Uri(url).AbsolutePath;
            }

            await Task.Delay(250);
        }

        Assert.Fail("The article did not go live within 60 s.");
        return "";
    }

    [GeneratedRegex("""https?://[^\s"'<>\\]+""")]
    private static partial Regex AbsoluteLinkRegex();
}
