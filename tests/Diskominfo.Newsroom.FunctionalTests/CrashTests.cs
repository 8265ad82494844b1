using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;
using Diskominfo.Newsroom.Harness;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The real site process killed with SIGKILL at random moments while it publishes, then started again: nothing may
/// go out twice and nothing may be lost. The full loop (50 kills and more) is bench/crash.sh; this is its short form.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledWhilePublishing_Sqlite_EveryChannelExactlyOnce()
    {
        var report = await CrashLoop.RunAsync(new CrashLoopOptions(Loops: 4, ItemsPerLoop: 2, "Sqlite", null, Seed: 11), new OutputWriter(output));
        AssertClean(report);
    }

    [Fact]
    public async Task KilledWhilePublishing_Postgres_EveryChannelExactlyOnce()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var report = await CrashLoop.RunAsync(new CrashLoopOptions(Loops: 4, ItemsPerLoop: 2, "Postgres", database.ConnectionString, Seed: 12), new OutputWriter(output));
        AssertClean(report);
    }

    /// <summary>
    /// The crash loop during a Meta incident: every post is made but answered with code 2, and the lookups fail in a row
    /// (the full run, over 200 failed lookups, is bench/lookup-faults.sh).
    /// </summary>
    [Fact]
    public async Task KilledWhileMetaFailsTheLookups_Sqlite_EveryChannelExactlyOnce()
    {
        var report = await CrashLoop.RunAsync(
            new CrashLoopOptions(Loops: 3, ItemsPerLoop: 1, "Sqlite", null, MaxKillDelayMilliseconds: 6000, Seed: 13, LookupFailuresPerItem: 3),
            new OutputWriter(output));
        output.WriteLine($"{report.LookupFailures} lookups failed, {report.Kills} kills");
        Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems));
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.Lost);
        Assert.Equal(18, report.LookupFailures);
        Assert.Equal(9, report.FacebookLookupFailures);
    }

    /// <summary>
    /// PostgreSQL goes away for seconds while the Facebook post is in flight: Meta makes the post, the site cannot
    /// record it. Requests meanwhile get 503 in Indonesian; afterwards the sweep resumes the publications, the retry
    /// finds the post already made, and every channel ends published exactly once.
    /// </summary>
    [Fact]
    public async Task DatabaseBrieflyUnavailable_WhileThePostIsInFlight_Postgres_EveryChannelExactlyOnce()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph, extraSettings: new Dictionary<string, string?> { ["Newsroom:Lease"] = "00:00:05" });
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Perbaikan Jalan Raya Selesai Sebelum Lebaran");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(), "jalan.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);

        graph.Latency = TimeSpan.FromSeconds(2);
        await Api.SignAsync(app, id);
        var inFlight = Stopwatch.StartNew();
        while (!graph.Requests.Any(r => r.StartsWith("POST", StringComparison.Ordinal) && r.EndsWith($"{graph.PageId}/photos", StringComparison.Ordinal)))
        {
            Assert.True(inFlight.Elapsed < TimeSpan.FromSeconds(60), "The Facebook photo post never started.");
            await Task.Delay(20);
        }

        await using (await database.OutageAsync())
        {
            // Meanwhile the API and the pages say what is going on, and do not pretend to have saved anything.
            var api = await reporter.GetAsync($"/api/v1/items/{id}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.NotNull(api.Headers.RetryAfter);
            Assert.Contains("Basis data sedang tidak dapat dihubungi", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
            using var desk = new HttpClient(app.Server.CreateHandler()) { BaseAddress = app.BaseAddress };
            var page = await desk.GetAsync("/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("Layanan sedang tidak tersedia", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(6));
        }

        graph.Latency = TimeSpan.Zero;
        var item = await Api.WaitForStatusAsync(reporter, id, "archived", seconds: 150);
        var url = Publications.Of(item, "website").GetProperty("url").GetString()!;
        Assert.Equal(1, graph.PostsContaining(url));
        Assert.Equal(1, graph.MediaContaining(url));
        foreach (var channel in new[] { "website", "facebook", "instagram" })
        {
            Assert.Equal("published", Publications.Of(item, channel).GetProperty("status").GetString());
        }

        // The post Meta made during the outage is the one on record, found again rather than made twice.
        var facebook = Publications.Of(item, "facebook");
        Assert.Equal(graph.FacebookPosts.Keys.Single(), facebook.GetProperty("remoteId").GetString());
        var attempts = Publications.Attempts(facebook);
        output.WriteLine(string.Join("\n", attempts.Select(a => a.ToString())));
        Assert.Equal("interrupted", attempts[0].GetProperty("outcome").GetString());
        Assert.Contains("terputus sebelum hasilnya tercatat", attempts[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("published", attempts[^1].GetProperty("outcome").GetString());
        Assert.Contains("ditemukan dan dicatat, tidak dikirim ulang", attempts[^1].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private void AssertClean(CrashLoopReport report)
    {
        output.WriteLine($"{report.Items} items, {report.Kills} kills, drained in {report.Drain.TotalSeconds:0.0} s");
        Assert.Equal(4, report.Kills);
        Assert.Equal(8, report.Items);
        Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems));
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.Lost);
    }

    private sealed class OutputWriter(ITestOutputHelper output) : StringWriter
    {
        public override void WriteLine(string? value) => output.WriteLine(value ?? "");
    }
}
