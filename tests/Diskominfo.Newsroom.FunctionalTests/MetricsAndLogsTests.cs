using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The real site in its own process (so its meters are its own): Prometheus scrapes <c>/metrics</c> with the token and
/// sees a failed sign-in and a publication; the console writes JSON lines, and the publication jobs an approval
/// triggers log that approval's correlation id.
/// </summary>
public sealed partial class MetricsAndLogsTests
{
    [Fact]
    public async Task Metrics_CountSignInFailuresAndPublications_AndJobsLogTheApprovalsCorrelationId()
    {
        var port = Harness.SiteProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var dataDir = Directory.CreateTempSubdirectory("newsroom-metrics-").FullName;
        var token = "metrik-" + Guid.NewGuid().ToString("N");
        try
        {
            await using var site = SiteRun.Start(dataDir, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Urls"] = address.ToString().TrimEnd('/'),
                ["Newsroom__PublicBaseUrl"] = address.ToString().TrimEnd('/'),
                ["Newsroom__RunJobServer"] = "true",
                ["Newsroom__Metrics__Token"] = token,
                ["Newsroom__Logging__Json"] = "true",
                ["Logging__LogLevel__Diskominfo.Newsroom.Publishing"] = "Information",
                ["Logging__LogLevel__Microsoft.AspNetCore.Authorization"] = "Information",
            });
            await site.WaitReadyAsync(address, TimeSpan.FromSeconds(90));
            using var http = new HttpClient { BaseAddress = address };

            // Refused without the token, or with another one.
            using (var bare = await http.GetAsync(new Uri("/metrics", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
                Assert.Equal("Bearer", bare.Headers.WwwAuthenticate.ToString());
                Assert.Contains("token metrik", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
            {
                wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
                Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
            }

            var before = await ScrapeAsync(http, token);
            Assert.Null(Value(before, "newsroom_signin_failures_total", ("reason", "wrong_password")));
            Assert.Equal(0, Value(before, "newsroom_jobs_failed"));
            Assert.Equal(0, Value(before, "newsroom_search_pending_changes"));

            using (var failed = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "kasi", password = "bukan-sandinya" }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            }

            // A line logged while a request runs carries the request's scope: its correlation id, method, path and id.
            var refused = "cari-" + Guid.NewGuid().ToString("N")[..12];
            using (var search = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=jembatan"))
            {
                search.Headers.Add("X-Correlation-Id", refused);
                Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(search)).StatusCode);
            }

            // A reader's second look at the home page: the kept page the server hands out before the pipeline, counted
            // in the site's own metric since the request metrics never see it.
            using (var reader = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = address })
            {
                var home = await reader.GetStringAsync(new Uri("/", UriKind.Relative));
                Assert.Equal(home, await reader.GetStringAsync(new Uri("/", UriKind.Relative)));
            }

            var afterFailure = await ScrapeAsync(http, token);
            Assert.Equal(1, Value(afterFailure, "newsroom_signin_failures_total", ("reason", "wrong_password")));
            Assert.Equal((Value(before, "newsroom_kept_pages_served_total") ?? 0) + 1, Value(afterFailure, "newsroom_kept_pages_served_total"));

            // An item through the chain; the Kadis's signature carries the correlation id.
            using var reporter = await LoginAsync(address, "reporter");
            var item = await Api.CreatePressReleaseAsync(reporter, title: "Bupati Membuka Festival Kopi");
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, item, "submit")).StatusCode);
            foreach (var approver in new[] { "kasi", "kabid" })
            {
                using var client = await LoginAsync(address, approver);
                Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(client, item, "approve")).StatusCode);
            }

            var correlation = "tandatangan-" + Guid.NewGuid().ToString("N")[..12];
            using (var kadis = await LoginAsync(address, "kadis"))
            {
                using var sign = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{item}/approve") { Content = JsonContent.Create(new { note = "Setuju" }) };
                sign.Headers.Add("X-Correlation-Id", correlation);
                using var signed = await kadis.SendAsync(sign);
                Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
                Assert.Equal(correlation, Assert.Single(signed.Headers.GetValues("X-Correlation-Id")));
            }

            await Publications.WaitAsync(reporter, item, "website", "published");
            await Publications.WaitAsync(reporter, item, "facebook", "dry_run");
            await Publications.WaitAsync(reporter, item, "instagram", "failed"); // no photo: Instagram cannot take it

            // The gauges read the database at most once a second: scrape until they have seen the last publication.
            var after = await ScrapeAsync(http, token);
            for (var i = 0; i < 20 && Value(after, "newsroom_publications", ("channel", "instagram"), ("status", "failed")) is null; i++)
            {
                await Task.Delay(250);
                after = await ScrapeAsync(http, token);
            }

            Assert.Equal(1, Value(after, "newsroom_publications", ("channel", "website"), ("status", "published")));
            Assert.Equal(1, Value(after, "newsroom_publications", ("channel", "facebook"), ("status", "dry_run")));
            Assert.Equal(1, Value(after, "newsroom_publications", ("channel", "instagram"), ("status", "failed")));
            Assert.Null(Value(after, "newsroom_publications", ("channel", "website"), ("status", "pending")));
            Assert.Equal(1, Value(after, "newsroom_publication_signature_to_live_seconds_count", ("channel", "website")));
            Assert.InRange(Value(after, "newsroom_publication_signature_to_live_seconds_sum", ("channel", "website"))!.Value, 0, 60);
            Assert.Null(Value(after, "newsroom_publication_signature_to_live_seconds_count", ("channel", "facebook"))); // a dry run is not live
            Assert.Equal(1, Value(after, "newsroom_signin_failures_total", ("reason", "wrong_password")));
            Assert.Equal(0, Value(after, "newsroom_jobs_enqueued", ("queue", "website")));
            Assert.Equal(3, Value(after, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/items/{id:guid}/approve"), ("http_response_status_code", "200")));
            Assert.Contains("service_name=\"diskominfo-newsroom\"", after, StringComparison.Ordinal);

            // Every console line is a JSON object; the website job and the social jobs it handed on log the signature's id.
            var lines = site.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.All(lines, l => Assert.StartsWith("{", l, StringComparison.Ordinal));
            var finished = lines.Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("Category").GetString() == "Diskominfo.Newsroom.Publishing.Services.PublicationJob"
                            && e.GetProperty("Message").GetString()!.StartsWith($"Publication of item {item} to ", StringComparison.Ordinal))
                .ToList();
            var authorization = lines.Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Authorization.DefaultAuthorizationService")
                .SelectMany(e => e.GetProperty("Scopes").EnumerateArray())
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("CorrelationId", out var id) && id.GetString() == refused)
                .ToList();
            var scope = Assert.Single(authorization);
            Assert.Equal("GET", scope.GetProperty("RequestMethod").GetString());
            Assert.Equal("/api/v1/search", scope.GetProperty("RequestPath").GetString());
            Assert.False(string.IsNullOrEmpty(scope.GetProperty("RequestId").GetString()));
            foreach (var channel in new[] { "website", "facebook", "instagram" })
            {
                var line = Assert.Single(finished, e => e.GetProperty("State").GetProperty("Channel").GetString() == channel);
                var ids = line.GetProperty("Scopes").EnumerateArray()
                    .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("CorrelationId", out _))
                    .Select(s => s.GetProperty("CorrelationId").GetString())
                    .ToList();
                Assert.Equal([correlation], ids);
            }
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
            Directory.Delete(dataDir + "-keys", recursive: true);
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the one series of <paramref name="name"/> carrying all of <paramref name="labels"/>; null when there is none.</summary>
    private static double? Value(string exposition, string name, params (string Name, string Value)[] labels)
    {
        var values = exposition.Split('\n')
            .Select(l => Series().Match(l))
            .Where(m => m.Success && m.Groups["name"].Value == name
                        && labels.All(l => m.Groups["labels"].Value.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(values.Count <= 1, $"{values.Count} series of {name} match");
        return values.Count == 0 ? null : values[0];
    }

    private static async Task<HttpClient> LoginAsync(Uri address, string userName)
    {
        var client = new HttpClient { BaseAddress = address };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = NewsroomApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex Series();
}
