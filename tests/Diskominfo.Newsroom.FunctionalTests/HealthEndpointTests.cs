using System.Net;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> as a load balancer and systemd use them: anonymous JSON, 200 while
/// Healthy or Degraded, 503 when a check that matters fails (the database, the data folder's disk, the job server).
/// </summary>
public sealed class HealthEndpointTests
{
    private static readonly string[] Checks = ["basis-data", "ruang-disk", "server-pekerjaan", "indeks-pencarian", "kanal", "smtp"];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Ready_FreshSite_IsHealthyWithEveryCheckDescribedInIndonesian(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var client = app.CreateClient();

        var (status, body) = await WaitForAsync(client, "Healthy");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Sehat", body.GetProperty("description").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(Checks.Order(), checks.Keys.Order());
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));
        Assert.Equal(provider == "Sqlite" ? "Basis data (SQLite) menjawab." : "Basis data (PostgreSQL) menjawab.", checks["basis-data"].GetProperty("description").GetString());
        Assert.Equal("SMTP belum diatur; surel tidak dikirim.", checks["smtp"].GetProperty("description").GetString());
        Assert.Equal("Indeks pencarian mutakhir.", checks["indeks-pencarian"].GetProperty("description").GetString());
        Assert.True(checks["server-pekerjaan"].GetProperty("data").GetProperty("alive").GetInt32() >= 1);
        Assert.True(checks["ruang-disk"].GetProperty("data").GetProperty("freeBytes").GetInt64() > 0);
        Assert.True(body.GetProperty("durationMs").GetDouble() >= 0);

        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("no-store, no-cache", live.Headers.CacheControl?.ToString());
        var liveBody = JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", liveBody.GetProperty("status").GetString());
        Assert.Equal(0, liveBody.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Ready_DatabaseUnreachable_Returns503_AndRecovers()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await WaitForAsync(client, "Healthy")).Status);

        await using (await database.OutageAsync())
        {
            using var response = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            Assert.Equal("Tidak sehat", body.GetProperty("description").GetString());
            var check = Check(body, "basis-data");
            Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
            Assert.StartsWith("Basis data (PostgreSQL) tidak dapat dihubungi: ", check.GetProperty("description").GetString(), StringComparison.Ordinal);

            // The process itself still answers: systemd must not restart it for the database's sake.
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await WaitForAsync(client, "Healthy")).Status);
    }

    [Fact]
    public async Task Ready_DiskThresholdAboveFreeSpace_Returns503WithTheDiskCheckUnhealthy()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Health:MinFreeDiskMegabytes"] = "1000000000", // a petabyte
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var disk = Check(body, "ruang-disk");
        Assert.Equal("Unhealthy", disk.GetProperty("status").GetString());
        Assert.StartsWith("Ruang disk folder data tinggal ", disk.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(1000000000L * 1024 * 1024, disk.GetProperty("data").GetProperty("minimumBytes").GetInt64());
        Assert.Equal("Healthy", Check(body, "basis-data").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Ready_NoJobServer_Returns503()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var check = Check(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, "server-pekerjaan");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Equal("Tidak ada server pekerjaan latar: naskah yang ditandatangani tidak akan terbit.", check.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Ready_MailStuckInTheOutbox_IsDegradedYetStill200()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, extraSettings: new Dictionary<string, string?>
        {
            // A mail server that is not there: the outbox keeps the mail and the check warns.
            ["Newsroom:Smtp:Host"] = "127.0.0.1",
            ["Newsroom:Smtp:Port"] = "1",
            ["Newsroom:Smtp:From"] = "newsroom@kab.example.go.id",
        });
        using var client = app.CreateClient();
        await WaitForAsync(client, "Healthy");

        // Queued an hour ago and not due again before tomorrow: never sent.
        var anHourAgo = SqliteTime(DateTimeOffset.UtcNow.AddHours(-1));
        var future = SqliteTime(DateTimeOffset.UtcNow.AddDays(1));
        await database.ExecuteAsync(app, $"""
            INSERT INTO notifications_outbox ("To", "ToName", "Subject", "Body", "CreatedAt", "NextAttemptAt", "Attempts")
            VALUES ('kasi@kab.example.go.id', 'Kasi', 'Naskah menunggu', 'Isi', {anHourAgo}, {future}, 0)
            """);

        var (status, body) = await WaitForAsync(client, "Degraded");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Berjalan dengan peringatan", body.GetProperty("description").GetString());
        var smtp = Check(body, "smtp");
        Assert.Equal("Degraded", smtp.GetProperty("status").GetString());
        Assert.Equal("1 surel belum terkirim.", smtp.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Endpoints_InProductionBehindTheDeployedNginx_AnswerTheProbes()
    {
        NginxProxy.RequireExecutable();
        var sitePort = Harness.SiteProcess.FreePort();
        await using var nginx = await NginxProxy.StartAsync(sitePort);
        var dataDir = Directory.CreateTempSubdirectory("newsroom-health-proxy-").FullName;
        var token = "metrik-" + Guid.NewGuid().ToString("N");
        try
        {
            await using var site = SiteRun.Start(dataDir, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{sitePort}",
                ["Newsroom__PublicBaseUrl"] = nginx.BaseAddress.ToString().TrimEnd('/'),
                ["Newsroom__Proxy__KnownProxies"] = "127.0.0.1",
                ["Newsroom__RunJobServer"] = "true",
                ["Newsroom__Metrics__Token"] = token,
            });
            var siteAddress = new Uri($"http://127.0.0.1:{sitePort}");
            await site.WaitReadyAsync(siteAddress, TimeSpan.FromSeconds(120));

            // What systemd's ExecStartPost asks, on loopback.
            using (var direct = new HttpClient { BaseAddress = siteAddress })
            {
                Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
            }

            // What a load balancer or a monitor asks, through nginx.
            using var outside = nginx.Client(System.Net.IPAddress.Parse("127.0.0.3"));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpResponseMessage ready;
            while (true)
            {
                ready = await outside.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
                {
                    break;
                }

                ready.Dispose();
                await Task.Delay(250);
            }

            using (ready)
            {
                var text = await ready.Content.ReadAsStringAsync();
                Assert.True(ready.StatusCode == HttpStatusCode.OK, text + site.Output);
                Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
                Assert.Equal(6, JsonDocument.Parse(text).RootElement.GetProperty("checks").GetArrayLength());
            }

            Assert.Equal(HttpStatusCode.Unauthorized, (await outside.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
            using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            scrape.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var metrics = await outside.SendAsync(scrape);
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            Assert.Contains("newsroom_jobs_scheduled", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
            Directory.Delete(dataDir + "-keys", recursive: true);
        }
    }

    [Fact]
    public async Task CorrelationId_ValidOneEchoed_InvalidOneReplaced()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var client = app.CreateClient();

        using var valid = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        valid.Headers.Add("X-Correlation-Id", "lb-probe.42:a_b-c");
        using var echoed = await client.SendAsync(valid);
        Assert.Equal("lb-probe.42:a_b-c", Assert.Single(echoed.Headers.GetValues("X-Correlation-Id")));

        foreach (var bad in new[] { "dua kata", new string('a', 65), "<script>", "a\"b" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/masuk");
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", bad);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        }
    }

    [Fact]
    public async Task CorrelationId_PageFromTheOutputCache_CarriesEachRequestsOwnId_NotTheOneItWasRenderedWith()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });

        // HEAD, and a reader with a cookie: both pass by the kept pages and get the page from the output cache.
        foreach (var (method, cookie) in new[] { (HttpMethod.Head, (string?)null), (HttpMethod.Get, "pilihan=1") })
        {
            var ids = new List<string>();
            foreach (var sent in new[] { "pertama-1", null, "ketiga-3" })
            {
                using var request = new HttpRequestMessage(method, "/arsip");
                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", cookie);
                }

                if (sent is not null)
                {
                    request.Headers.Add("X-Correlation-Id", sent);
                }

                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
                Assert.True(sent is null ? id.Length == 32 : id == sent, $"{method} sent {sent ?? "(none)"}, got {id}");
                ids.Add(id);
            }

            Assert.Equal(3, ids.Distinct().Count());
        }
    }

    /// <summary>A UTC time as EF's DateTimeOffsetToBinaryConverter stores it on SQLite.</summary>
    private static long SqliteTime(DateTimeOffset at) => (at.UtcTicks / 1000) << 11;

    private static JsonElement Check(JsonElement body, string name)
        => body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>Asks until the overall status is <paramref name="expected"/> (the index finishes its first build just after start).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> WaitForAsync(HttpClient client, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (body.GetProperty("status").GetString() == expected || DateTime.UtcNow > deadline)
            {
                Assert.True(body.GetProperty("status").GetString() == expected, $"/health/ready never became {expected}: {body}");
                return (response.StatusCode, body);
            }

            await Task.Delay(200);
        }
    }
}
