using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Harness;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Two nodes on one PostgreSQL database and one object store behind nginx's round-robin, as a province or an election
/// night runs the newsroom (<see cref="NodeCluster"/>): whatever node a request reaches, it is the same site.
/// </summary>
public sealed partial class TwoNodeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UploadOnA_ApprovedThroughEither_SignedOnB_LiveOnBothWithinASecond()
    {
        await using var cluster = await NodeCluster.StartAsync();
        using var onA = cluster.Direct(0);
        using var onB = cluster.Direct(1);
        const string title = "Bupati Buka Posko Pemilu Dua Node";

        // An earlier article is on both nodes' home pages, as on any site that runs (a node's first page with a photo
        // costs the first-time work of its code paths, which is not what this test measures).
        using var staffOnA = await NewsroomApiClient.SignInAsync(cluster.Address(0));
        var earlier = await staffOnA.PrepareAsync("Jadwal Pelayanan Posko Pemilu", NewsroomApiClient.Jpeg());
        await staffOnA.SignAsync(earlier);
        await WaitPublishedAsync(onA, staffOnA.As("reporter"), earlier, "website", TimeSpan.FromSeconds(60));

        // Readers (no cookie, no token) have both nodes' home pages kept rendered, from before the article. The earlier
        // article's eviction may still reach a node just after its first read (the signal between nodes, or the page
        // finishing after the reader had its bytes), so a node has a few seconds to answer a read from the kept page.
        using var readerOnA = cluster.Direct(0);
        using var readerOnB = cluster.Direct(1);
        var readers = new[] { ("A", readerOnA), ("B", readerOnB) };
        foreach (var (name, reader) in readers)
        {
            var keptBy = Stopwatch.StartNew();
            bool kept;
            do
            {
                Assert.DoesNotContain(title, await reader.GetStringAsync("/"), StringComparison.Ordinal);
                using var again = await reader.GetAsync("/");
                kept = again.Headers.Age is not null;
            }
            while (!kept && keptBy.Elapsed < TimeSpan.FromSeconds(5) && await Pause());
            Assert.True(kept, $"node {name} did not keep its home page rendered (5 s)");
        }

        // A token issued by node A is good on node B.
        using (var listed = await WithTokenOf(staffOnA.As("reporter"), onB).GetAsync("/api/v1/items"))
        {
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        }

        // A desk session (cookie) begun through nginx is good on every node nginx hands the next requests to.
        var cookies = new CookieContainer();
        using (var desk = cluster.ThroughBalancer(cookies))
        {
            using var signIn = await new DeskClient(desk).PostFormAsync("/masuk", new() { ["UserName"] = "admin", ["Password"] = NewsroomApp.Password }, "/masuk");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            for (var i = 0; i < 6; i++)
            {
                using var page = await desk.GetAsync("/admin");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("Meja kerja", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        var served = (await UpstreamsAsync(cluster, r => r.Request == "GET /admin", 6)).Select(r => r.Upstream).Distinct().ToList();
        Assert.Equal(2, served.Count);

        // The reporter uploads on node A; the Kasi and the Kabid act through nginx; the Kadis signs on node B.
        var id = await staffOnA.CreateWithPhotoAsync(title, NewsroomApiClient.Jpeg(2400, 1600));
        await staffOnA.ActAsync("reporter", id, "submit");
        using var staffThroughNginx = await NewsroomApiClient.SignInAsync(() => cluster.ThroughBalancer());
        await staffThroughNginx.ActAsync("kasi", id, "approve");
        await staffThroughNginx.ActAsync("kabid", id, "approve");
        using (var signed = await WithTokenOf(staffOnA.As("kadis"), onB).PostAsJsonAsync($"/api/v1/items/{id}/approve", new { note = "Setuju" }))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }

        // Live on the website: from then on, both nodes' home pages show it within one second.
        var url = await WaitPublishedAsync(onB, staffOnA.As("reporter"), id, "website", TimeSpan.FromSeconds(60));
        var live = Stopwatch.StartNew();
        var seen = new Dictionary<string, TimeSpan>();
        var asked = new List<string>(); // each request: node, when it was sent, how long it took, what it showed
        while (seen.Count < 2 && live.Elapsed < TimeSpan.FromSeconds(5))
        {
            foreach (var (name, reader) in readers)
            {
                if (seen.ContainsKey(name))
                {
                    continue;
                }

                var sent = live.Elapsed;
                var shows = (await reader.GetStringAsync("/")).Contains(title, StringComparison.Ordinal);
                asked.Add($"{name} {sent.TotalMilliseconds:0}+{(live.Elapsed - sent).TotalMilliseconds:0} ms {(shows ? "new" : "old")}");
                if (shows)
                {
                    seen[name] = live.Elapsed;
                }
            }

            await Task.Delay(50);
        }

        output.WriteLine($"home page shows the article on A after {Describe(seen, "A")}, on B after {Describe(seen, "B")}");
        var requests = string.Join(", ", asked.Take(12)) + (asked.Count > 12 ? $" and {asked.Count - 12} more" : "");
        output.WriteLine($"requests: {requests}");
        Assert.True(seen.Count == 2 && seen.Values.All(t => t <= TimeSpan.FromSeconds(1)),
            $"home pages after the article went live: A {Describe(seen, "A")}, B {Describe(seen, "B")}; requests: {requests}");

        // The article and its photo are served by both nodes, the photo from the shared object store.
        var path = new Uri(url).AbsolutePath;
        var pageOnA = await readerOnA.GetStringAsync(path);
        Assert.Contains(title, await readerOnB.GetStringAsync(path), StringComparison.Ordinal);
        var photo = PhotoRegex().Match(pageOnA);
        Assert.True(photo.Success, "the article page has no photo of the media library");
        var fromA = await readerOnA.GetByteArrayAsync(photo.Value);
        var fromB = await readerOnB.GetByteArrayAsync(photo.Value);
        Assert.True(fromA.Length > 1000);
        Assert.Equal(fromA, fromB);
        Assert.NotEmpty(Directory.EnumerateFiles(cluster.Store.Directory, "*", SearchOption.AllDirectories));
        foreach (var node in new[] { 0, 1 })
        {
            Assert.False(Directory.Exists(Path.Combine(cluster.DataDir(node), "media", "originals")), $"node {NodeCluster.NodeName(node)} keeps originals on its own disk");
        }

        // Facebook and Instagram: posted once, by whichever node's worker took each publication.
        await WaitPublishedAsync(onA, staffOnA.As("reporter"), id, "facebook", TimeSpan.FromSeconds(60));
        await WaitPublishedAsync(onA, staffOnA.As("reporter"), id, "instagram", TimeSpan.FromSeconds(60));
        Assert.Equal(1, cluster.Graph.PostsContaining(url));
        Assert.Equal(1, cluster.Graph.MediaContaining(url));
    }

    [Fact]
    public async Task NodeKilledWhilePublishing_TheOtherFinishesEveryPublicationOnce_ReadersNeverFail()
    {
        // Short leases, so that the surviving node takes over a dead node's publications within seconds; Meta slow, so
        // that publications are in flight when the node dies.
        await using var cluster = await NodeCluster.StartAsync(settings: new Dictionary<string, string> { ["Newsroom:Lease"] = "00:00:05" });
        cluster.Graph.Latency = TimeSpan.FromMilliseconds(700);
        using var staff = await NewsroomApiClient.SignInAsync(() => cluster.ThroughBalancer());

        // One article is live for the readers.
        var first = await staff.PrepareAsync("Jadwal Pelayanan Posko Pemilu", NewsroomApiClient.Jpeg());
        await staff.SignAsync(first);
        var firstUrl = await WaitPublishedAsync(null, staff.As("reporter"), first, "website", TimeSpan.FromSeconds(60));
        var articlePath = new Uri(firstUrl).AbsolutePath;

        // Readers read through nginx all along: the home page and the article, one request after another.
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var reads = 0;
        var readers = Task.Run(async () =>
        {
            using var reader = cluster.ThroughBalancer();
            reader.Timeout = TimeSpan.FromSeconds(15);
            while (!stop.IsCancellationRequested)
            {
                foreach (var path in new[] { "/", articlePath })
                {
                    try
                    {
                        using var response = await reader.GetAsync(path);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            failures.Enqueue($"{path}: {(int)response.StatusCode}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        failures.Enqueue($"{path}: {e.Message}");
                    }

                    Interlocked.Increment(ref reads);
                }

                await Task.Delay(25);
            }
        });

        // Four more items signed; node A is killed while one of its workers holds a publication.
        var items = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var id = await staff.PrepareAsync($"Rekapitulasi Suara Kecamatan {i + 1}", NewsroomApiClient.Jpeg());
            await staff.SignAsync(id);
            items.Add(id);
        }

        var held = Stopwatch.StartNew();
        while (await cluster.ScalarAsync("""SELECT count(*) FROM publishing_publications WHERE "LeaseOwner" = 'node-a' AND "CompletedAt" IS NULL""") == 0)
        {
            Assert.True(held.Elapsed < TimeSpan.FromSeconds(60), "node A never took a publication");
            await Task.Delay(20);
        }

        await cluster.KillAsync(0);
        var killedAt = Stopwatch.StartNew();
        output.WriteLine("node A killed while holding a publication");

        // Node B finishes every publication, each exactly once.
        using var reporterOnB = WithTokenOf(staff.As("reporter"), cluster.Direct(1));
        foreach (var id in items)
        {
            var url = await WaitPublishedAsync(null, reporterOnB, id, "website", TimeSpan.FromSeconds(90));
            await WaitPublishedAsync(null, reporterOnB, id, "facebook", TimeSpan.FromSeconds(90));
            await WaitPublishedAsync(null, reporterOnB, id, "instagram", TimeSpan.FromSeconds(90));
            Assert.Equal(1, cluster.Graph.PostsContaining(url));
            Assert.Equal(1, cluster.Graph.MediaContaining(url));
        }

        output.WriteLine($"every publication done {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");

        // A while longer with one node, then the readers stop: none of their requests failed.
        await Task.Delay(1000);
        await stop.CancelAsync();
        await readers;
        output.WriteLine($"{reads} reads through nginx, {failures.Count} failed");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.True(reads > 20);
    }

    /// <summary>A client to another node carrying the bearer token <paramref name="signedIn"/> was issued.</summary>
    private static HttpClient WithTokenOf(HttpClient signedIn, HttpClient node)
    {
        node.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signedIn.DefaultRequestHeaders.Authorization!.Parameter);
        return node;
    }

    /// <summary>Waits until the item's publication on <paramref name="channel"/> is published (read through <paramref name="reader"/>); the website's address.</summary>
    private static async Task<string> WaitPublishedAsync(HttpClient? node, HttpClient reader, Guid id, string channel, TimeSpan timeout)
    {
        var client = node is null ? reader : WithTokenOf(reader, node);
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < timeout)
        {
            using var response = await client.GetAsync($"/api/v1/items/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var item = await response.Content.ReadFromJsonAsync<JsonElement>();
                var publications = item.GetProperty("publications").EnumerateArray().ToList();
                var wanted = publications.FirstOrDefault(p => p.GetProperty("channel").GetString() == channel);
                last = wanted.ValueKind == JsonValueKind.Object ? wanted.GetProperty("status").GetString() ?? "" : "(none)";
                if (last == "published")
                {
                    return publications.First(p => p.GetProperty("channel").GetString() == "website").GetProperty("url").GetString()!;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The {channel} publication of {id} was not published within {timeout} (last: {last}).");
        return "";
    }

    private static async Task<IReadOnlyList<(string Upstream, int Status, string Request)>> UpstreamsAsync(
        NodeCluster cluster, Func<(string Upstream, int Status, string Request), bool> which, int count)
    {
        // nginx writes each line when its request is done, which may be a moment after the client has the answer.
        for (var i = 0; i < 50; i++)
        {
            var lines = cluster.Balancer.Upstreams().Where(which).ToList();
            if (lines.Count >= count)
            {
                return lines;
            }

            await Task.Delay(100);
        }

        return cluster.Balancer.Upstreams().Where(which).ToList();
    }

    private static string Describe(Dictionary<string, TimeSpan> seen, string node)
        => seen.TryGetValue(node, out var t) ? $"{t.TotalMilliseconds:0} ms" : "never (5 s)";

    private static async Task<bool> Pause()
    {
        await Task.Delay(100);
        return true;
    }

    [GeneratedRegex(@"/media/[0-9a-f]{32}/w800\.(webp|jpg)")]
    private static partial Regex PhotoRegex();
}
