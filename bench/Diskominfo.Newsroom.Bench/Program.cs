using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;
using Diskominfo.Newsroom.Harness;

// Benchmarks that need the whole site as a process. Usage:
//   crash   [--loops 50] [--items 2] [--db Sqlite|Postgres] [--connection "..."] [--seed N] [--lookup-faults K] [--max-kill-ms 2500]
//           with --lookup-faults: Meta in an incident too, K failed lookups per item and channel
//   latency [--items 200] [--interval-ms 250] [--burst 100] [--latency-ms 150] [--db ...] [--connection "..."]
//   rps [--seconds 10] [--connections 64]        cached article page per second against nginx serving the same HTML (wrk), the
//                                                site's resident memory at rest and under load, and its rate with the job server off
//       [--uncached 1 --against URL --label L --target X]   or the page rendered each time against another server's page
//   weight                                       bytes of an article page, its CSS and its lead image (phone and desktop)
//   photos --dir D [--count 20]                  camera-size JPEGs (6000 x 4000, textured) for the rendition benchmark
//   renditions --dir D --out O [--kind w1200] [--parallel N]  the site's rendition of each JPEG in D, as the Media module makes it
//   search [--count 100000] [--dir D]            the archive's Lucene index against SQLite FTS5 on a generated corpus
//   search-profile --index D/lucene              where a search's time goes (matching, scope, top 20, facets, snippets) on the index search --dir D left
//   signin [--count 200]                         API sign-in time for an unknown user and for a wrong password
//   hostile-search [--count 100000] [--runs 10]  hostile queries to /cari and /api/v1/search on the site with 100,000 clippings
//   backup [--items 10000] [--photos 2] [--db Sqlite|Postgres] [--connection "..."]
//                                                backup and restore time and size of a generated office
//   media-library [--count 50000] [--runs 20]    the media library's first page, a search and the API with 50,000 photos, against 100 ms
//   field [--count 10] [--mb 8] [--kbit 1000] [--cuts 60,150]
//                                                photos from the field over a throttled line with cuts: the desk's resumable upload in
//                                                Chromium against a plain multipart upload
//   clipping-book [--count 300] [--runs 2]       the monthly clipping book (PDF) of a month of clippings with page-size scans, against 30 s
//   two-nodes --connection "..." [--items 40] [--seconds 10] [--connections 64]
//                                                one node and two nodes (PostgreSQL, s3rver, shared keys) behind nginx: cached article
//                                                requests per second and signature-to-live p95
var mode = args.FirstOrDefault() ?? "latency";
var options = Options.Parse(args.Skip(1).ToArray());
using var interruption = BenchInterruption.Install();
if (options.TextOrNull("connection") is { } benchDatabase)
{
    await CreatePostgresDatabaseAsync(benchDatabase); // the sites find it there, as after an office's set-up
}

try
{
    return mode switch
    {
        "crash" => await Crash(options),
        "latency" => await Latency(options),
        "photos" => Photos(options),
        "weight" => await Weight(options),
        "rps" => await Rps(options),
        "renditions" => RenditionsOf(options),
        "signin" => await SignInTimingBench.RunAsync(options.Int("count", 200)),
        "hostile-search" => await HostileSearchBench.RunAsync(options.Int("count", 100_000), options.Int("runs", 10)),
        "backup" => await BackupBench.RunAsync(options.Int("items", 10_000), options.Int("photos", 2), options.Text("db", "Sqlite"), options.TextOrNull("connection")),
        "search-profile" => await SearchProfile.RunAsync(options.Text("index", "")),
        "search" => await SearchBench.RunAsync(options.Int("count", 100_000), options.Text("dir", Path.Combine(Path.GetTempPath(), "newsroom-search-bench")), options.Text("corpus", "natural")),
        "media-library" => await MediaLibraryBench.RunAsync(options.Int("count", 50_000), options.Int("runs", 20)),
        "field" => await FieldUploadBench.RunAsync(options.Int("count", 10), options.Int("mb", 8), options.Int("kbit", 1000) * 1000L,
            [.. options.Text("cuts", "60,150").Split(',').Select(c => TimeSpan.FromSeconds(int.Parse(c, CultureInfo.InvariantCulture)))], () => StartSiteAsync([])),
        "two-nodes" => await TwoNodes(options),
        "clipping-book" => await ClippingBookBench.RunAsync(options.Int("count", 300), options.Int("runs", 2), SiteProcess.FindSiteAssembly()),
        _ => Usage(),
    };
}
catch (Exception) when (BenchInterruption.Stopping)
{
    // Interrupted: the handler stops everything and exits with the signal's code; an unhandled exception would abort first.
    await Task.Delay(Timeout.Infinite);
    throw;
}
finally
{
    BenchInterruption.RemoveFolders();
}

static async Task<int> Weight(Options o)
{
    await using var site = await StartSiteAsync([]);
    using var api = await NewsroomApiClient.SignInAsync(site.BaseAddress);

    // A camera's photo: 6000 x 4000, textured, about 10 MB.
    using var noise = NetVips.Image.Gaussnoise(6000, 4000, sigma: 40, mean: 128);
    using var grey = noise.Cast(NetVips.Enums.BandFormat.Uchar);
    using var rgb = grey.Bandjoin(grey, grey).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
    var photo = rgb.JpegsaveBuffer(q: 92);
    using var reader = new HttpClient { BaseAddress = site.BaseAddress };
    var html = await reader.GetByteArrayAsync(await PublishArticleAsync(api, photo));
    var text = System.Text.Encoding.UTF8.GetString(html);
    var css = await reader.GetByteArrayAsync(System.Text.RegularExpressions.Regex.Match(text, @"href=""(/_content/[^""]+\.css[^""]*)""").Groups[1].Value);
    var media = System.Text.RegularExpressions.Regex.Match(text, @"/media/([0-9a-f]{32})/w800\.jpg").Groups[1].Value;
    var phone = await reader.GetByteArrayAsync($"/media/{media}/w480.webp");
    var desktop = await reader.GetByteArrayAsync($"/media/{media}/w800.webp");
    static int Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return (int)buffer.Length;
    }

    Console.WriteLine($"article page weight (original photo {photo.Length / 1024} KiB, 6000 x 4000):");
    Console.WriteLine($"  HTML        {html.Length,7:N0} bytes ({Gzip(html):N0} gzipped)");
    Console.WriteLine($"  CSS         {css.Length,7:N0} bytes ({Gzip(css):N0} gzipped)");
    Console.WriteLine($"  lead photo  {phone.Length,7:N0} bytes at phone width (w480.webp), {desktop.Length:N0} bytes at desktop width (w800.webp)");
    Console.WriteLine($"  first screen on a phone: {Gzip(html) + Gzip(css) + phone.Length:N0} bytes (HTML and CSS gzipped, as a compressing proxy sends them)");
    return 0;
}

static async Task<int> Rps(Options o)
{
    const string KeptPageFrontSetting = Diskominfo.Newsroom.Infrastructure.Http.KeptPageFront.Setting;
    const string KeptPageWireSetting = Diskominfo.Newsroom.Infrastructure.Http.KeptPageWire.Setting;
    var uncached = o.Int("uncached", 0) == 1;
    var against = o.TextOrNull("against");
    var settings = new Dictionary<string, string> { ["Newsroom:Site:CachePages"] = uncached ? "false" : "true" };
    var site = await StartSiteAsync(settings);
    SiteProcess? offSite = null;
    try
    {
        using var api = await NewsroomApiClient.SignInAsync(site.BaseAddress);
        var path = await PublishArticleAsync(api, NewsroomApiClient.Jpeg());
        var articles = o.Int("articles", 1);
        if (articles > 1)
        {
            await CloneArticlesAsync(settings["Newsroom:DataDir"], articles - 1);
            Console.WriteLine($"archive: the article and {articles - 1:N0} older ones (a quarter of them in its category)");
        }

        using var reader = new HttpClient { BaseAddress = site.BaseAddress };
        var html = await reader.GetStringAsync(path);

        // nginx serves the very same HTML as a static file.
        await using var nginx = await BenchNginx.StartAsync("location / { default_type text/html; root www; }");
        Directory.CreateDirectory(Path.Combine(nginx.Root, "www", "berita"));
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "www", path.TrimStart('/')), html);
        var staticHtml = await new HttpClient().GetStringAsync(new Uri(nginx.Address, path));
        if (staticHtml != html)
        {
            Console.Error.WriteLine("nginx does not serve the same HTML");
            return 1;
        }

        var seconds = o.Int("seconds", 10);
        var connections = o.Int("connections", 64);
        var url = site.BaseAddress.ToString().TrimEnd('/') + path;

        // The site at rest: the job server idle (the publication done), no request for a while.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idle = ResidentMiB(site.ProcessId);
        // Ours and theirs in turns (the peak memory is that of our runs: theirs use none of ours), with each side's
        // processor time when the reference is our nginx.
        Func<bool, IReadOnlyList<int>>? processes = null;
        if (against is null)
        {
            processes = isSite => isSite ? [site.ProcessId] : nginx.ProcessIds();
        }

        var (turns, peak) = await WithPeakMemoryAsync(site.ProcessId,
            () => Wrk.InTurnsAsync(url, against ?? new Uri(nginx.Address, path).ToString(), connections, seconds, processes: processes));
        var label = o.Text("label", $"nginx {BenchNginx.Version()} (static file)");
        Console.WriteLine($"{(uncached ? "uncached" : "cached")} article page ({html.Length:N0} bytes), wrk -t2 -c{connections} -d{seconds}s on loopback, {Environment.ProcessorCount} cores, best of {turns.RunsA.Count} taken in turns with the reference after a warm-up run each, Production:");
        Console.WriteLine($"  Diskominfo Newsroom ({(uncached ? "rendered each time" : "kept page")})  {turns.BestA,10:N0} requests/s");
        Console.WriteLine($"  {label}  {turns.BestB,10:N0} requests/s");
        Console.WriteLine($"  ratio {turns.BestA / turns.BestB:0.00}, median of the rounds' ratios {turns.MedianRatio:0.00} (target at least {o.Text("target", "0.9")})");
        if (against is null)
        {
            Console.WriteLine($"  processor time per request (the median of the runs; nginx: its master and workers): the site {turns.MedianCpuA:0.0} µs, nginx {turns.MedianCpuB:0.0} µs: ratio {turns.MedianCpuA / turns.MedianCpuB:0.00}");
        }

        Console.WriteLine($"  resident memory of the site: {idle:0} MiB at rest, {peak:0} MiB at most under load");
        if (!uncached && against is null)
        {
            // The same reference sending the site's headers too (its security headers, Age and a correlation id), so
            // both answers are the same bytes on the wire but for Date and Server.
            using var answer = await reader.GetAsync(path);
            var headers = answer.Headers.Where(h => h.Key is not ("Date" or "Server" or "Connection" or "Transfer-Encoding"))
                .Select(h => $"add_header {h.Key} \"{string.Join(", ", h.Value)}\" always;");
            await using var dressed = await BenchNginx.StartAsync($"location / {{ default_type \"text/html; charset=utf-8\"; root www; {string.Join(' ', headers)} }}");
            Directory.CreateDirectory(Path.Combine(dressed.Root, "www", "berita"));
            await File.WriteAllTextAsync(Path.Combine(dressed.Root, "www", path.TrimStart('/')), html);
            var same = await Wrk.InTurnsAsync(url, new Uri(dressed.Address, path).ToString(), connections, seconds);
            Console.WriteLine($"  nginx sending the site's headers too {same.BestB,10:N0} requests/s, the site {same.BestA,10:N0}: ratio {same.BestA / same.BestB:0.00}, median of the rounds' ratios {same.MedianRatio:0.00}");
        }

        // What an idle job server costs the readers: the site on its data with the job server idle, and a second site
        // on a copy of that data with the job server off, started alike (not the site above: it had just published
        // the article). Both run at once and are measured in turns; the side not being measured is stopped (SIGSTOP),
        // so that neither's idle work falls into the other's runs, and resumed a second before its own run.
        await site.DisposeAsync();
        var dataDir = settings["Newsroom:DataDir"];
        var offSettings = new Dictionary<string, string>(settings)
        {
            ["Newsroom:DataDir"] = NewDataDir(),
            ["Newsroom:Keys:Directory"] = dataDir.TrimEnd('/') + "-keys", // one key ring, as two nodes share theirs
            ["Newsroom:RunJobServer"] = "false",
        };
        offSettings["ConnectionStrings:Newsroom"] = $"Data Source={Path.Combine(offSettings["Newsroom:DataDir"], "newsroom.db")}";
        SiteProcess.CopyFolder(dataDir, offSettings["Newsroom:DataDir"]);
        settings["Newsroom:RunJobServer"] = "true";
        site = await StartSiteAsync(settings, reuseDataDir: true);
        offSite = await StartSiteAsync(offSettings, reuseDataDir: true);
        var (on, off) = (site, offSite);
        var (onUrl, offUrl) = (on.BaseAddress.ToString().TrimEnd('/') + path, off.BaseAddress.ToString().TrimEnd('/') + path);
        using (var warm = new HttpClient())
        {
            await warm.GetStringAsync(onUrl);
            await warm.GetStringAsync(offUrl);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var jobServer = await InTurnsAloneAsync(on, onUrl, off, offUrl, connections, seconds);
        Console.WriteLine($"  job server idle {jobServer.BestA,10:N0} requests/s, job server off {jobServer.BestB,10:N0} requests/s: ratio {jobServer.BestA / jobServer.BestB:0.00}, median of the rounds' ratios {jobServer.MedianRatio:0.00} (target at least 0.95)");

        if (!uncached)
        {
            // What the fronts buy: the site above with the job server off (both fronts on) against the site on the first
            // data with the job server off too and one setting off, in turns as above: the wire's front off
            // (Newsroom:Kestrel:KeptPageWire=false: the server's front alone), then both (Newsroom:Kestrel:KeptPages=false:
            // the kept pages left to the pipeline).
            foreach (var (setting, what) in new[] { (KeptPageWireSetting, "the server's front alone"), (KeptPageFrontSetting, "the pipeline") })
            {
                await site.DisposeAsync();
                settings["Newsroom:RunJobServer"] = "false";
                settings[setting] = "false";
                site = await StartSiteAsync(settings, reuseDataDir: true);
                settings.Remove(setting);
                var otherUrl = site.BaseAddress.ToString().TrimEnd('/') + path;
                using (var warm = new HttpClient())
                {
                    await warm.GetStringAsync(otherUrl);
                }

                var front = await InTurnsAloneAsync(offSite, offUrl, site, otherUrl, connections, seconds);
                Console.WriteLine($"  kept pages on the wire {front.BestA,10:N0} requests/s, from {what} ({setting}=false) {front.BestB,10:N0} requests/s: ratio {front.BestA / front.BestB:0.00}, median of the rounds' ratios {front.MedianRatio:0.00}");
            }
        }

        await offSite.DisposeAsync();
        offSite = null;
        settings.Remove("Newsroom:RunJobServer");
        if (!uncached)
        {
            // What the kept pages buy: the same site with the output cache alone (Newsroom:KeptPages=false).
            await site.DisposeAsync();
            settings["Newsroom:KeptPages"] = "false";
            site = await StartSiteAsync(settings, reuseDataDir: true);
            url = site.BaseAddress.ToString().TrimEnd('/') + path;
            using (var warm = new HttpClient())
            {
                await warm.GetStringAsync(url);
            }

            var outputCache = await Wrk.BestOfTwoAsync(url, connections, seconds, warmUpSeconds: 3);
            Console.WriteLine($"  output cache alone (Newsroom:KeptPages=false) {outputCache,10:N0} requests/s: kept pages are {turns.BestA / outputCache:0.00}x that");
        }

        return 0;
    }
    finally
    {
        await site.DisposeAsync();
        if (offSite is not null)
        {
            await offSite.DisposeAsync();
        }
    }
}

// Two sites measured in turns, each alone: the side not being measured is stopped (SIGSTOP), so that neither's idle
// work falls into the other's runs, and resumed a second before its own run; both run again after.
static async Task<Wrk.Turns> InTurnsAloneAsync(SiteProcess a, string urlA, SiteProcess b, string urlB, int connections, int seconds)
{
    var turns = await Wrk.InTurnsAsync(urlA, urlB, connections, seconds, before: async measuringA =>
    {
        Signal(measuringA ? b : a, "STOP");
        Signal(measuringA ? a : b, "CONT");
        await Task.Delay(TimeSpan.FromSeconds(1));
    });
    Signal(a, "CONT");
    Signal(b, "CONT");
    return turns;
}

/// <summary>Sends a signal to a site's process (<c>kill -STOP</c>, <c>kill -CONT</c>).</summary>
static void Signal(SiteProcess site, string signal)
{
    using var kill = Process.Start("kill", $"-{signal} {site.ProcessId}");
    kill.WaitForExit();
    if (kill.ExitCode != 0 && !site.HasExited)
    {
        throw new InvalidOperationException($"kill -{signal} {site.ProcessId} exited with {kill.ExitCode}");
    }
}

/// <summary>
/// Older published articles beside the bench's one, straight into the site's database: copies of it a minute apart,
/// a quarter in its category and the rest in three others, so the page is read from an archive of that size.
/// </summary>
static async Task CloneArticlesAsync(string dataDir, int count)
{
    await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDir, "newsroom.db")};Pooling=false;Default Timeout=30");
    await connection.OpenAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var source = connection.CreateCommand();
    source.CommandText = "SELECT Id, PublishedVersionId, Category FROM content_items WHERE PublishedVersionId IS NOT NULL AND ContentType <> 'clipping' ORDER BY PublishedAt DESC LIMIT 1";
    string itemId, versionId, category;
    await using (var row = await source.ExecuteReaderAsync())
    {
        await row.ReadAsync();
        (itemId, versionId, category) = (row.GetString(0), row.GetString(1), row.IsDBNull(2) ? "pemerintahan" : row.GetString(2));
    }

    await using var insert = connection.CreateCommand();
    insert.CommandText = """
        INSERT INTO content_items (Id, ContentType, OwnerId, OwnerName, CreatedAt, LatestVersionId, PublishedVersionId, Slug, PublishedAt, Category, PublishedTitle, SectionId, Revision, UpdatedAt, UpdatedBy, UpdatedByName)
        SELECT $id, ContentType, OwnerId, OwnerName, CreatedAt, $version, $version, $slug, PublishedAt - ($i * 122880000), $category, $title, SectionId, Revision, UpdatedAt, UpdatedBy, UpdatedByName
        FROM content_items WHERE Id = $source;
        INSERT INTO content_versions (Id, ItemId, Number, Title, parts_json, ContentHash, CreatedAt, CreatedBy, Sealed)
        SELECT $version, $id, Number, $title, parts_json, ContentHash, CreatedAt, CreatedBy, Sealed FROM content_versions WHERE Id = $sourceVersion;
        """;
    string[] others = ["kesehatan", "pendidikan", "ekonomi"];
    for (var i = 1; i <= count; i++)
    {
        insert.Parameters.Clear();
        insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$version", Guid.NewGuid().ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$slug", $"berita-arsip-{i}");
        insert.Parameters.AddWithValue("$title", $"Berita Arsip Nomor {i}");
        insert.Parameters.AddWithValue("$category", i % 4 == 0 ? category : others[i % 3]);
        // PublishedAt is kept as (ticks / 1000) << 11 plus the offset: a minute earlier per copy.
        insert.Parameters.AddWithValue("$i", i);
        insert.Parameters.AddWithValue("$source", itemId);
        insert.Parameters.AddWithValue("$sourceVersion", versionId);
        await insert.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
}

/// <summary>A process's resident memory now, in MiB (VmRSS).</summary>
static double ResidentMiB(int processId)
{
    var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

/// <summary>Runs <paramref name="work"/> while sampling the process's resident memory every 50 ms; its result and the peak.</summary>
static async Task<(T Result, double PeakMiB)> WithPeakMemoryAsync<T>(int processId, Func<Task<T>> work)
{
    var peak = ResidentMiB(processId);
    using var stop = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentMiB(processId));
            await Task.Delay(50);
        }
    });
    var result = await work();
    await stop.CancelAsync();
    await sampler;
    return (result, peak);
}

static int Photos(Options o)
{
    var dir = Directory.CreateDirectory(o.Text("dir", "photos")).FullName;
    for (var i = 0; i < o.Int("count", 20); i++)
    {
        // A gradient under noise: compresses like a camera's photo (several MB), not like a flat test card.
        using var noise = NetVips.Image.Gaussnoise(6000, 4000, sigma: 40, mean: 128);
        using var xyz = NetVips.Image.Xyz(6000, 4000);
        using var gradient = xyz[0] * (100.0 / 6000) + (i * 5);
        using var band = (noise + gradient).Cast(NetVips.Enums.BandFormat.Uchar);
        using var rgb = band.Bandjoin(band * 0.9, band * 0.8).Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        rgb.Jpegsave(Path.Combine(dir, $"foto-{i + 1:00}.jpg"), q: 92);
    }

    Console.WriteLine($"{o.Int("count", 20)} photos of 6000 x 4000 in {dir}, {Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length) / 1024 / 1024} MiB");
    return 0;
}

static int RenditionsOf(Options o)
{
    var output = Directory.CreateDirectory(o.Text("out", "renditions")).FullName;
    var kind = o.Text("kind", "w1200");
    var parallel = o.Int("parallel", 1);
    var clock = Stopwatch.StartNew();
    var files = Directory.GetFiles(o.Text("dir", "photos"), "*.jpg").Order().ToList();
    var first = 0L;

    // With --parallel N, N photos at a time, as the site's rendition workers make a burst of first requests.
    Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = parallel }, file =>
    {
        var bytes = Diskominfo.Newsroom.Media.Services.Renditions.Make(file, kind, "jpg", null);
        File.WriteAllBytes(Path.Combine(output, Path.GetFileName(file)), bytes);
        Interlocked.CompareExchange(ref first, clock.ElapsedTicks, 0);
    });

    Console.WriteLine($"{files.Count} {kind} renditions in {clock.Elapsed.TotalMilliseconds:0} ms in-process, {parallel} at a time ({clock.Elapsed.TotalMilliseconds / files.Count:0} ms per photo, the first {Stopwatch.GetElapsedTime(0, first).TotalMilliseconds:0} ms)");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Diskominfo.Newsroom.Bench crash|latency [--loops N] [--items N] [--db Sqlite|Postgres] [--connection CS]");
    return 2;
}

static async Task<int> Crash(Options o)
{
    var report = await CrashLoop.RunAsync(
        new CrashLoopOptions(
            o.Int("loops", 50), o.Int("items", 2), o.Text("db", "Sqlite"), o.TextOrNull("connection"), Seed: o.Int("seed", 2026),
            MaxKillDelayMilliseconds: o.Int("max-kill-ms", 2500), LookupFailuresPerItem: o.Int("lookup-faults", 0),
            DrainTimeout: TimeSpan.FromMinutes(o.Int("drain-minutes", 3))),
        Console.Out);
    foreach (var problem in report.Problems)
    {
        Console.WriteLine("problem: " + problem);
    }

    Console.WriteLine($"crash loop ({o.Text("db", "Sqlite")}): {report.Kills} SIGKILLs, {report.Items} items x 3 channels, drained in {report.Drain.TotalSeconds:0.0} s");
    if (o.Int("lookup-faults", 0) > 0)
    {
        Console.WriteLine($"injected lookup failures consumed: {report.LookupFailures} (Facebook feed {report.FacebookLookupFailures}, Instagram container {report.LookupFailures - report.FacebookLookupFailures}), after {2 * report.Items} post calls answered with code 2");
    }

    Console.WriteLine($"duplicates: {report.Duplicates}");
    Console.WriteLine($"lost: {report.Lost}");
    return report.Duplicates == 0 && report.Lost == 0 ? 0 : 1;
}

static async Task<int> Latency(Options o)
{
    var count = o.Int("items", 200);
    var burst = o.Int("burst", 100);
    var interval = TimeSpan.FromMilliseconds(o.Int("interval-ms", 250));
    await using var graph = await FakeGraphServer.StartAsync();
    graph.QuotaTotal = 100_000;
    graph.ContainerLimit = 100_000;
    var provider = o.Text("db", "Sqlite");
    var settings = SiteProcess.ChannelSettings(graph);
    settings["Newsroom:Database:Provider"] = provider;

    // One account drives every item and polls each until it is out: the API's limit per account would answer 429.
    settings["Newsroom:RateLimits:Api:PermitLimit"] = "10000000";
    if (o.TextOrNull("connection") is { } connection)
    {
        settings["ConnectionStrings:Newsroom"] = connection;
    }

    await using var site = await StartSiteAsync(settings);
    using var api = await NewsroomApiClient.SignInAsync(site.BaseAddress);
    var jpeg = NewsroomApiClient.Jpeg();

    // Prepared up to the Kabid first, so the measured part is the signature and what follows it.
    var ids = new List<Guid>();
    for (var i = 0; i < count; i++)
    {
        ids.Add(await api.PrepareAsync($"Berita uji latensi {i + 1:00000}", jpeg));
    }

    graph.Latency = TimeSpan.FromMilliseconds(o.Int("latency-ms", 150));
    foreach (var id in ids)
    {
        var next = Task.Delay(interval);
        await api.SignAsync(id);
        await next;
    }

    var items = await WaitArchivedAsync(api, ids, TimeSpan.FromMinutes(10));
    Console.WriteLine($"publication latency, {count} items signed one every {interval.TotalMilliseconds:0} ms, fake Graph at {graph.Latency.TotalMilliseconds:0} ms per call, Instagram containers ready after {graph.ContainerProcessing.TotalMilliseconds:0} ms ({provider}):");
    foreach (var channel in Options.Channels)
    {
        var seconds = items.Select(item => Seconds(item, channel)).Order().ToList();
        Console.WriteLine($"  {channel,-9}  p50 {Percentile(seconds, 0.50):0.000} s   p95 {Percentile(seconds, 0.95):0.000} s   max {seconds[^1]:0.000} s");
    }

    var unique = graph.FacebookPosts.Count == count && graph.InstagramMedia.Count == count;
    Console.WriteLine($"  posts: Facebook {graph.FacebookPosts.Count}, Instagram {graph.InstagramMedia.Count} (expected {count} each)");

    // Throughput: a burst signed at once; publications (3 per item) per minute until the last one is live.
    var burstIds = new List<Guid>();
    graph.Latency = TimeSpan.Zero;
    for (var i = 0; i < burst; i++)
    {
        burstIds.Add(await api.PrepareAsync($"Berita uji beban {i + 1:00000}", jpeg));
    }

    graph.Latency = TimeSpan.FromMilliseconds(o.Int("latency-ms", 150));
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(burstIds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, _) => await api.SignAsync(id));
    var burstItems = await WaitArchivedAsync(api, burstIds, TimeSpan.FromMinutes(15));
    var first = burstItems.Min(i => Times(i, "website").Due);
    var last = burstItems.SelectMany(i => Options.Channels.Select(c => Times(i, c).Done)).Max();
    var minutes = (last - first).TotalMinutes;
    Console.WriteLine($"throughput: {burst} items signed at once -> {burst * 3} publications in {(last - first).TotalSeconds:0.0} s = {burst * 3 / minutes:0} publications per minute on one node ({Environment.ProcessorCount} cores)");
    unique &= graph.FacebookPosts.Count == count + burst && graph.InstagramMedia.Count == count + burst;
    Console.WriteLine($"  posts after the burst: Facebook {graph.FacebookPosts.Count}, Instagram {graph.InstagramMedia.Count} (expected {count + burst} each)");
    return unique ? 0 : 1;
}

/// <summary>
/// The PostgreSQL database of <paramref name="connection"/>, made on its server unless it is there: a site does not make
/// its own database (an office's administrator does, README: Deploying); it brings the tables up to date itself.
/// </summary>
static async Task CreatePostgresDatabaseAsync(string connection)
{
    var name = new Npgsql.NpgsqlConnectionStringBuilder(connection).Database ?? throw new InvalidOperationException("--connection names no database");
    await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
    await admin.OpenAsync();
    await using var exists = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
    exists.Parameters.AddWithValue("name", name);
    if ((long)(await exists.ExecuteScalarAsync())! == 0)
    {
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
    }
}

static async Task<int> TwoNodes(Options o)
{
    var connection = o.TextOrNull("connection") ?? throw new InvalidOperationException("--connection: a PostgreSQL database for the run");
    var items = o.Int("items", 40);
    var seconds = o.Int("seconds", 10);
    var connections = o.Int("connections", 64);
    var database = new Npgsql.NpgsqlConnectionStringBuilder(connection);

    var s3rver = await S3Server.FindOrInstallAsync() ?? throw new InvalidOperationException("s3rver is not installed and npm cannot install it (npm ci in tests/tools)");
    await using var store = await S3Server.StartAsync(s3rver, silent: false);
    await using var graph = await FakeGraphServer.StartAsync();
    graph.QuotaTotal = 100_000;
    graph.ContainerLimit = 100_000;
    var keys = BenchInterruption.TempFolder("newsroom-bench-keys-");
    var certificate = Path.Combine(keys, "key-ring.pfx");
    using (var rsa = System.Security.Cryptography.RSA.Create(3072))
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Diskominfo Newsroom key ring", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(certificate, created.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "bench"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(certificate, UnixFileMode.UserRead | UnixFileMode.UserWrite); // the site refuses keys others can read
        }
    }

    var ports = new[] { SiteProcess.FreePort(), SiteProcess.FreePort() };
    static string Upstream(IEnumerable<int> nodes) => "upstream nodes { " + string.Concat(nodes.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=10s; ")) + "keepalive 64; }";
    const string Proxy = "location / { proxy_pass http://nodes; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host $host; proxy_next_upstream error timeout http_502; }";
    await using var one = await BenchNginx.StartAsync(Proxy, Upstream(ports.Take(1)));
    await using var two = await BenchNginx.StartAsync(Proxy, Upstream(ports));
    var nodes = new List<SiteProcess>();
    try
    {
        async Task StartNodeAsync(int node, Uri publicAddress)
        {
            var settings = SiteProcess.ChannelSettings(graph);
            foreach (var (key, value) in store.SiteSettings())
            {
                settings[key] = value;
            }

            var dataDir = BenchInterruption.TempFolder($"newsroom-bench-node{node}-");
            settings["Newsroom:DataDir"] = dataDir;
            settings["Newsroom:Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Newsroom"] = connection;
            settings["Newsroom:NodeId"] = $"node-{(char)('a' + node)}";
            settings["Newsroom:PublicBaseUrl"] = publicAddress.ToString().TrimEnd('/');
            settings["Newsroom:Keys:Store"] = "Database";
            settings["Newsroom:Keys:Certificate"] = certificate;
            settings["Newsroom:Keys:CertificatePassword"] = "bench";
            var site = SiteProcess.StartProduction(SiteProcess.FindSiteAssembly(), ports[node], settings);
            nodes.Add(site);
            await site.WaitReadyAsync(TimeSpan.FromSeconds(120));
        }

        async Task<(double Rps, double P95, double P50)> MeasureAsync(BenchNginx balancer, string label)
        {
            using var api = await NewsroomApiClient.SignInAsync(balancer.Address);
            var jpeg = NewsroomApiClient.Jpeg();
            var path = await PublishArticleAsync(api, jpeg);
            var rps = await Wrk.BestOfTwoAsync(new Uri(balancer.Address, path).ToString(), connections, seconds);
            var ids = new List<Guid>();
            for (var i = 0; i < items; i++)
            {
                ids.Add(await api.PrepareAsync($"Berita uji dua node {label} {i + 1:000}", jpeg));
            }

            foreach (var id in ids)
            {
                var next = Task.Delay(250);
                await api.SignAsync(id);
                await next;
            }

            var live = (await WaitArchivedAsync(api, ids, TimeSpan.FromMinutes(10))).Select(item => Seconds(item, "website")).Order().ToList();
            return (rps, Percentile(live, 0.95), Percentile(live, 0.50));
        }

        try
        {
            await StartNodeAsync(0, one.Address);
        }
        catch (InvalidOperationException)
        {
            Console.Error.WriteLine("s3rver: " + store.Output[^Math.Min(store.Output.Length, 3000)..]);
            throw;
        }

        var single = await MeasureAsync(one, "satu");
        await StartNodeAsync(1, two.Address);
        var pair = await MeasureAsync(two, "dua");
        var duplicates = graph.FacebookPosts.Count != 2 * (items + 1) || graph.InstagramMedia.Count != 2 * (items + 1);
        Console.WriteLine($"one node and two nodes behind nginx {BenchNginx.Version()} (round-robin), PostgreSQL, s3rver, {Environment.ProcessorCount} cores:");
        Console.WriteLine($"  cached article page, wrk -t2 -c{connections} -d{seconds}s, best of 2:  one node {single.Rps,8:N0} requests/s   two nodes {pair.Rps,8:N0} requests/s   ratio {pair.Rps / single.Rps:0.00}");
        Console.WriteLine($"  signature to live on the website, {items} items signed one every 250 ms:  one node p50 {single.P50 * 1000:0} ms p95 {single.P95 * 1000:0} ms   two nodes p50 {pair.P50 * 1000:0} ms p95 {pair.P95 * 1000:0} ms");
        Console.WriteLine($"  posts: Facebook {graph.FacebookPosts.Count}, Instagram {graph.InstagramMedia.Count} (expected {2 * (items + 1)} each)");
        return duplicates ? 1 : 0;
    }
    finally
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        Directory.Delete(keys, recursive: true);
    }
}

/// <summary>A data folder for a bench's site, removed with its keys folder when the bench ends (its sites stopped by then).</summary>
static string NewDataDir() => BenchInterruption.TempFolder("newsroom-bench-");

/// <summary>The site as its own process in Production (demo accounts on), with a fresh data folder (and a SQLite file there unless told otherwise), ready.</summary>
static async Task<SiteProcess> StartSiteAsync(Dictionary<string, string> settings, bool reuseDataDir = false)
{
    var dataDir = reuseDataDir ? settings["Newsroom:DataDir"] : NewDataDir();
    settings["Newsroom:DataDir"] = dataDir;
    settings.TryAdd("ConnectionStrings:Newsroom", $"Data Source={Path.Combine(dataDir, "newsroom.db")}");
    var site = SiteProcess.StartProduction(SiteProcess.FindSiteAssembly(), SiteProcess.FreePort(), settings);
    try
    {
        await site.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return site;
    }
    catch
    {
        await site.DisposeAsync();
        throw;
    }
}

/// <summary>One article with the given photo, signed and archived; the path of its page.</summary>
static async Task<string> PublishArticleAsync(NewsroomApiClient api, byte[] photo)
{
    var id = await api.PrepareAsync("Bupati Resmikan Pasar Rakyat Kecamatan Raya yang Menampung 300 Pedagang", photo);
    await api.SignAsync(id);
    var item = (await WaitArchivedAsync(api, [id], TimeSpan.FromMinutes(2)))[0];
    var website = item.GetProperty("publications").EnumerateArray().Single(p => p.GetProperty("channel").GetString() == "website");
    return new Uri(website.GetProperty("url").GetString()!).AbsolutePath;
}

static async Task<List<JsonElement>> WaitArchivedAsync(NewsroomApiClient api, List<Guid> ids, TimeSpan timeout)
{
    var deadline = DateTime.UtcNow + timeout;
    var pending = new HashSet<Guid>(ids);
    var done = new Dictionary<Guid, JsonElement>();
    while (pending.Count > 0)
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException($"{pending.Count} items not archived within {timeout}");
        }

        foreach (var id in pending.ToList())
        {
            var item = await api.GetAsync(id);
            if (item.GetProperty("status").GetString() == "archived")
            {
                done[id] = item;
                pending.Remove(id);
            }
        }

        await Task.Delay(500);
    }

    return ids.Select(id => done[id]).ToList();
}

static (DateTimeOffset Due, DateTimeOffset Done) Times(JsonElement item, string channel)
{
    var publication = item.GetProperty("publications").EnumerateArray().Single(p => p.GetProperty("channel").GetString() == channel && p.GetProperty("round").GetInt32() == 0);
    return (publication.GetProperty("dueAt").GetDateTimeOffset(), publication.GetProperty("completedAt").GetDateTimeOffset());
}

static double Seconds(JsonElement item, string channel)
{
    var (due, done) = Times(item, channel);
    return (done - due).TotalSeconds;
}

static double Percentile(List<double> sorted, double p)
{
    var rank = p * (sorted.Count - 1);
    var low = (int)Math.Floor(rank);
    var high = Math.Min(low + 1, sorted.Count - 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

internal sealed class Options(Dictionary<string, string> values)
{
    public static readonly string[] Channels = ["website", "facebook", "instagram"];

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(values);
    }

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public string? TextOrNull(string name) => values.GetValueOrDefault(name);
}
