using System.Diagnostics;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.Harness;

/// <summary>What the crash loop is told to do.</summary>
/// <param name="Provider">Sqlite or Postgres.</param>
/// <param name="ConnectionString">Null for a SQLite file in the data folder.</param>
public sealed record CrashLoopOptions(
    int Loops,
    int ItemsPerLoop,
    string Provider,
    string? ConnectionString,
    int MaxKillDelayMilliseconds = 2500,
    int Seed = 2026,
    TimeSpan? DrainTimeout = null,
    TimeSpan? GraphLatency = null,
    int LookupFailuresPerItem = 0);

/// <summary>
/// How the loop ended: every item must be on every channel exactly once. <paramref name="LookupFailures"/>: the lookups
/// (Facebook feed, Instagram container after media_publish) that got an injected failure instead of an answer.
/// </summary>
public sealed record CrashLoopReport(
    int Loops, int Items, int Kills, int Duplicates, int Lost, TimeSpan Drain, IReadOnlyList<string> Problems, int LookupFailures = 0, int FacebookLookupFailures = 0);

/// <summary>
/// Signs press releases on a real site process, kills it with SIGKILL at a random moment while it publishes them,
/// starts it again on the same data, and so on; at the end lets it finish and counts, on the fake Graph server and
/// the site, what went out twice and what never went out. With <see cref="CrashLoopOptions.LookupFailuresPerItem"/>,
/// Meta is in an incident as well: each item's Facebook post and Instagram media_publish are made but answered with
/// code 2, and that many lookups per item and channel fail (500 with code 2, timeouts, a proxy's 502 page, code 1).
/// </summary>
public static class CrashLoop
{
    public static async Task<CrashLoopReport> RunAsync(CrashLoopOptions options, TextWriter log)
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-crash-").FullName;
        try
        {
            return await RunAsync(options, log, dataDir);
        }
        finally
        {
            SiteProcess.DeleteDataDir(dataDir); // every site process has been stopped by now
        }
    }

    private static async Task<CrashLoopReport> RunAsync(CrashLoopOptions options, TextWriter log, string dataDir)
    {
        var random = new Random(options.Seed);
        await using var graph = await FakeGraphServer.StartAsync();
        graph.Latency = options.GraphLatency ?? TimeSpan.FromMilliseconds(50);

        // Instagram's 50 posts a day would hold the rest back (rightly, and tested elsewhere); the loop counts crashes, not quota.
        graph.QuotaTotal = 100_000;
        graph.ContainerLimit = 100_000;
        var site = SiteProcess.FindSiteAssembly();
        var port = SiteProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Newsroom:DataDir"] = dataDir,
            ["Newsroom:Database:Provider"] = options.Provider,
            ["ConnectionStrings:Newsroom"] = options.ConnectionString ?? $"Data Source={Path.Combine(dataDir, "newsroom.db")}",

            // A killed process's leases expire after this; the restarted one sweeps just after.
            ["Newsroom:Lease"] = "00:00:05",
            ["Newsroom:ContainerPollInterval"] = "00:00:00.200",
        };
        if (options.LookupFailuresPerItem > 0)
        {
            settings["Newsroom:GraphTimeout"] = "00:00:02";
            settings["Newsroom:LookupBackoff"] = "00:00:00.200";
            settings["Newsroom:LookupBackoffMax"] = "00:00:01";
        }

        foreach (var (key, value) in SiteProcess.ChannelSettings(graph))
        {
            settings[key] = value;
        }

        var jpeg = NewsroomApiClient.Jpeg();
        var items = new List<(Guid Id, string Title)>();
        var kills = 0;
        for (var loop = 1; loop <= options.Loops; loop++)
        {
            await using var process = SiteProcess.Start(site, port, settings);
            await process.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using (var api = await NewsroomApiClient.SignInAsync(process.BaseAddress))
            {
                for (var i = 0; i < options.ItemsPerLoop; i++)
                {
                    InjectIncident(graph, options.LookupFailuresPerItem);
                    var title = $"Uji mogok nomor {items.Count + 1:00000}";
                    var id = await api.PrepareAsync(title, jpeg);
                    await api.SignAsync(id);
                    items.Add((id, title));
                }
            }

            var delay = random.Next(options.MaxKillDelayMilliseconds);
            await Task.Delay(delay);
            process.Kill();
            kills++;
            log.WriteLine($"loop {loop}: {items.Count} items signed so far; killed {delay} ms after the last signature");
        }

        // The last start: no kill; everything must come out, once.
        var drain = Stopwatch.StartNew();
        await using var final = SiteProcess.Start(site, port, settings);
        await final.WaitReadyAsync(TimeSpan.FromSeconds(90));
        using var reader = await NewsroomApiClient.SignInAsync(final.BaseAddress);
        var deadline = DateTime.UtcNow + (options.DrainTimeout ?? TimeSpan.FromMinutes(3));
        var states = new Dictionary<Guid, JsonElement>();
        while (true)
        {
            foreach (var (id, _) in items.Where(i => !states.TryGetValue(i.Id, out var s) || s.GetProperty("status").GetString() != "archived"))
            {
                states[id] = await reader.GetAsync(id);
            }

            if (states.Values.All(s => s.GetProperty("status").GetString() == "archived") || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        drain.Stop();
        var problems = new List<string>();
        var duplicates = 0;
        var lost = 0;
        foreach (var (id, title) in items)
        {
            var item = states[id];
            var url = item.GetProperty("publications").EnumerateArray()
                .Where(p => p.GetProperty("channel").GetString() == "website")
                .Select(p => p.GetProperty("url").GetString())
                .FirstOrDefault();
            var facebook = url is null ? 0 : graph.PostsContaining(url + "\n");
            var instagram = url is null ? 0 : graph.MediaContaining(url + "\n");
            duplicates += Math.Max(0, facebook - 1) + Math.Max(0, instagram - 1);
            var status = item.GetProperty("status").GetString();
            if (url is null || facebook == 0 || instagram == 0 || status != "archived")
            {
                lost++;
            }

            if (facebook != 1 || instagram != 1 || status != "archived")
            {
                problems.Add($"{title}: status {status}, Facebook posts {facebook}, Instagram media {instagram}, publications {item.GetProperty("publications")}");
            }
        }

        var facebookLookups = graph.UsedInjections.Count(p => p == FeedLookup(graph));
        var instagramLookups = graph.UsedInjections.Count(p => p == ContainerLookup);
        if (graph.PendingInjections > 0)
        {
            problems.Add($"{graph.PendingInjections} injected failures were never used");
        }

        return new CrashLoopReport(options.Loops, items.Count, kills, duplicates, lost, drain.Elapsed, problems, facebookLookups + instagramLookups, facebookLookups);
    }

    private static string FeedLookup(FakeGraphServer graph) => $"GET {graph.PageId}/feed";

    private const string ContainerLookup = $"GET {FakeGraphServer.PublishedContainer}";

    /// <summary>One item's share of a Meta incident: both posts made but answered with code 2, then lookups that fail.</summary>
    private static void InjectIncident(FakeGraphServer graph, int lookups)
    {
        if (lookups == 0)
        {
            return;
        }

        graph.InjectError($"POST {graph.PageId}/photos", 2, status: 500, transient: true, afterApplying: true);
        graph.InjectError($"POST {graph.InstagramAccountId}/media_publish", 2, status: 500, transient: true, afterApplying: true);
        foreach (var lookup in new[] { FeedLookup(graph), ContainerLookup })
        {
            for (var i = 0; i < lookups; i++)
            {
                switch (i % 4)
                {
                    case 0:
                        graph.InjectError(lookup, 2, status: 500, transient: true);
                        break;
                    case 1:
                        graph.InjectTimeout(lookup, TimeSpan.FromSeconds(3));
                        break;
                    case 2:
                        graph.InjectGatewayError(lookup);
                        break;
                    default:
                        graph.InjectError(lookup, 1, status: 500);
                        break;
                }
            }
        }
    }
}
