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
    TimeSpan? GraphLatency = null);

/// <summary>How the loop ended: every item must be on every channel exactly once.</summary>
public sealed record CrashLoopReport(int Loops, int Items, int Kills, int Duplicates, int Lost, TimeSpan Drain, IReadOnlyList<string> Problems);

/// <summary>
/// Signs press releases on a real site process, kills it with SIGKILL at a random moment while it publishes them,
/// starts it again on the same data, and so on; at the end lets it finish and counts, on the fake Graph server and
/// the site, what went out twice and what never went out.
/// </summary>
public static class CrashLoop
{
    public static async Task<CrashLoopReport> RunAsync(CrashLoopOptions options, TextWriter log)
    {
        var random = new Random(options.Seed);
        var dataDir = Directory.CreateTempSubdirectory("newsroom-crash-").FullName;
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

        return new CrashLoopReport(options.Loops, items.Count, kills, duplicates, lost, drain.Elapsed, problems);
    }
}
