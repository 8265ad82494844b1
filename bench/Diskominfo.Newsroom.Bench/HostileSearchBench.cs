using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Diskominfo.Newsroom.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

/// <summary>
/// The search budget against the internet: the real site (a process of its own, SQLite) with 100,000 clippings in its
/// database and its index (built by the site itself at start), then a catalogue of hostile queries, each sent several
/// times to the public page <c>/cari?q=</c> (anonymous) and to <c>/api/v1/search</c> (as staff, with a token), timed
/// as response time on loopback: per kind the status, p95 and max, and the slowest against the 200 ms budget. Beside
/// it, the CPU time the site's process spent on each request (all its threads, from /proc), which another load on
/// the machine does not inflate.
/// The clippings are all given a published version, so that the public index holds all 100,000 too (in the office
/// only press releases and adventorials are public: this is harder than real).
/// </summary>
internal static class HostileSearchBench
{
    private const double BudgetMs = 200;

    private static readonly string[] TwoLetterPrefixes = ["pe", "me", "di", "ke", "ba", "be", "ja", "ka", "ma", "pa", "sa", "se", "ta", "te", "la", "ga", "bu", "wa", "ra", "an"];

    private static readonly string[] ItemColumns = ["$id", "$at", "$version", "$slug", "$title"];

    private static readonly string[] VersionColumns = ["$version", "$id", "$title", "$parts", "$hash", "$at"];

    private sealed record Kind(string Name, string Query, string CariExtra = "", string ApiExtra = "");

    private sealed record Timing(string Kind, string Target, int[] Statuses, double P50, double P95, double Max, double CpuP95, double CpuMax);

    public static async Task<int> RunAsync(int count, int runs)
    {
        var dataDir = BenchInterruption.TempFolder("newsroom-hostile-search-");
        var settings = new Dictionary<string, string>
        {
            ["Newsroom:DataDir"] = dataDir,
            ["ConnectionStrings:Newsroom"] = $"Data Source={Path.Combine(dataDir, "newsroom.db")}",
            ["Newsroom:RunJobServer"] = "false",

            // The catalogue is sent from one address and one account: the rate limits would answer 429 long before the end.
            ["Newsroom:RateLimits:Search:PermitLimit"] = "10000000",
            ["Newsroom:RateLimits:Api:PermitLimit"] = "10000000",
            ["Newsroom:RateLimits:SignIn:PermitLimit"] = "10000000",
        };
        var siteAssembly = SiteProcess.FindSiteAssembly();

        try
        {
            // 1. The site creates its database (and the demo office) once.
            var port = SiteProcess.FreePort();
            await using (var first = SiteProcess.StartProduction(siteAssembly, port, settings))
            {
                await first.WaitReadyAsync(TimeSpan.FromSeconds(120));
            }

            // 2. 100,000 clippings straight into its tables, each with a published version.
            var watch = Stopwatch.StartNew();
            var characters = await FillAsync(Path.Combine(dataDir, "newsroom.db"), count);
            Console.WriteLine($"corpus: {count:N0} generated clippings ({characters / 1024 / 1024:N0} MiB of text, 40 outlets, 3 years), written in {watch.Elapsed.TotalSeconds:0} s");

            // 3. The site starts on them and builds its index itself (a staff and a public document per clipping).
            watch.Restart();
            await using var site = SiteProcess.StartProduction(siteAssembly, port, settings);
            await site.WaitReadyAsync(TimeSpan.FromSeconds(120));
            using var api = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            using var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { userName = "arsiparis", password = "Diskominfo#2026" });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            while (true)
            {
                using var probe = await api.GetAsync("/api/v1/search?pageSize=1");
                if (probe.IsSuccessStatusCode && (await probe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32() == count)
                {
                    break;
                }

                if (watch.Elapsed > TimeSpan.FromMinutes(30))
                {
                    throw new TimeoutException("The index did not reach the corpus within 30 minutes:\n" + site.Output);
                }

                await Task.Delay(1000);
            }

            Console.WriteLine($"index: built by the site at start in {watch.Elapsed.TotalSeconds:0} s; {count:N0} items searchable by staff and by the public");
            using var reader = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var catalogue = Catalogue();
            Console.WriteLine($"catalogue: {catalogue.Count} kinds of hostile query, each {runs} times (after a warm-up round of the whole catalogue) to /cari?q= (anonymous) and /api/v1/search (staff token)");
            foreach (var kind in catalogue)
            {
                await TimeAsync(reader, site.ProcessId, kind.Name, "/cari", "/cari?q=" + Uri.EscapeDataString(kind.Query) + kind.CariExtra, 1);
                await TimeAsync(api, site.ProcessId, kind.Name, "API", "/api/v1/search?q=" + Uri.EscapeDataString(kind.Query) + kind.ApiExtra, 1);
            }

            Console.WriteLine($"server time = response time on loopback, one request at a time, {Environment.ProcessorCount} cores; budget {BudgetMs:0} ms");
            Console.WriteLine($"cpu = CPU time of the site's process during the request; load average before: {LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine($"{"",-22} {"/cari (anonymous)",-38}   {"/api/v1/search (staff)",-38}");
            Console.WriteLine($"{"kind",-22} {"status",-7} {"p50",6} {"p95",6} {"max",6} {"cpu max",8}   {"status",-7} {"p50",6} {"p95",6} {"max",6} {"cpu max",8}   (ms)");
            var timings = new List<Timing>();
            foreach (var kind in catalogue)
            {
                var page = await TimeAsync(reader, site.ProcessId, kind.Name, "/cari", "/cari?q=" + Uri.EscapeDataString(kind.Query) + kind.CariExtra, runs);
                var search = await TimeAsync(api, site.ProcessId, kind.Name, "API", "/api/v1/search?q=" + Uri.EscapeDataString(kind.Query) + kind.ApiExtra, runs);
                timings.Add(page);
                timings.Add(search);
                Console.WriteLine($"{kind.Name,-22} {Codes(page),-7} {page.P50,6:0.0} {page.P95,6:0.0} {page.Max,6:0.0} {page.CpuMax,8:0.0}   {Codes(search),-7} {search.P50,6:0.0} {search.P95,6:0.0} {search.Max,6:0.0} {search.CpuMax,8:0.0}");
            }

            var slowest = timings.MaxBy(t => t.Max)!;
            var costliest = timings.MaxBy(t => t.CpuMax)!;
            var over = timings.Where(t => t.Max > BudgetMs).ToList();
            var errors = timings.Where(t => t.Statuses.Any(s => s >= 500)).ToList();
            Console.WriteLine();
            Console.WriteLine($"load average after: {LoadAverage()}");
            Console.WriteLine($"slowest: {slowest.Kind} on {slowest.Target}, max {slowest.Max:0.0} ms (p95 {slowest.P95:0.0} ms) against the {BudgetMs:0} ms budget: {(slowest.Max <= BudgetMs ? "within" : "OVER")}");
            Console.WriteLine($"most CPU: {costliest.Kind} on {costliest.Target}, max {costliest.CpuMax:0.0} ms (p95 {costliest.CpuP95:0.0} ms) of the site's CPU");
            Console.WriteLine($"over budget: {over.Count} of {timings.Count}; answers 5xx: {errors.Count}");
            return over.Count == 0 && errors.Count == 0 ? 0 : 1;
        }
        finally
        {
            BenchInterruption.Remove(dataDir);
        }
    }

    private static string Codes(Timing timing) => string.Join("/", timing.Statuses.Distinct().Order());

    private static async Task<Timing> TimeAsync(HttpClient client, int pid, string kind, string target, string path, int runs)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        var statuses = new HashSet<int>();
        for (var run = 0; run <= runs; run++)
        {
            var before = CpuNanoseconds(pid);
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            clock.Stop();
            var spent = Math.Max(0, CpuNanoseconds(pid) - before); // a thread that ended meanwhile takes its time with it
            statuses.Add((int)response.StatusCode);
            if (run > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add(spent / 1e6);
            }
        }

        times.Sort();
        cpu.Sort();
        return new Timing(kind, target, [.. statuses], times[(times.Count - 1) / 2], P95(times), times[^1], P95(cpu), cpu[^1]);
    }

    private static double P95(List<double> sorted) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];

    /// <summary>The time all the process's threads have run on a CPU (Linux: the first field of each task's schedstat), in ns.</summary>
    private static long CpuNanoseconds(int pid)
    {
        long total = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "schedstat"));
                total += long.Parse(stat.AsSpan(0, stat.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // A thread that ended meanwhile.
            }
        }

        return total;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The kinds of query an attacker, or an unlucky reader, sends; each bounded, refused or read as text.</summary>
    private static List<Kind> Catalogue()
    {
        var common = string.Join(' ', ClippingCorpus.Nouns.Take(20));
        var stems = "bangun jalan sehat didik tani kelola bantu atur layan baik tingkat usaha resmi tinjau tangan periksa desa warga pasar jembatan";
        var twoLetters = string.Join(' ', TwoLetterPrefixes.Select(p => p + "*"));
        return
        [
            new("one-common-word", "desa"),
            new("20-common-words", common),
            new("20-stems", stems),
            new("phrase-of-20-words", $"\"{common}\""),
            new("10-phrases", "\"jembatan gantung\" \"air bersih\" \"rumah sakit\" \"harga beras\" \"angkutan bus\" \"jalan tol\" \"lampu jalan\" \"pelayanan kesehatan\" \"pembangunan jembatan\" \"kapal nelayan\""),
            new("prefix-2-letters", "pe*"),
            new("20-prefixes", twoLetters),
            new("prefix-1-letter", "p*"),
            new("leading-wildcard", "*an"),
            new("leading-question-mark", "?embatan"),
            new("inner-wildcards", "p*e*m*b*a*n*g*u*n*a*n"),
            new("regex-everything", "/.*/"),
            new("regex-catastrophic", "/(a+)+(b+)+(c+)+$/"),
            new("regex-char-classes", "/[a-z]{1,20}an[^x]*/"),
            new("range-inclusive", "[a TO zzzzzz]"),
            new("range-exclusive", "{0 TO 99999999}"),
            new("fuzzy", "bangun~2"),
            new("fuzzy-10-words", "desa~2 warga~2 jalan~2 pasar~2 bupati~2 camat~2 sekolah~2 banjir~2 sampah~2 harga~2"),
            new("field-names", "title:jembatan text:* outlet_text:raya key:scope=staff"),
            new("boosts", "jembatan^1000000 desa^0.000001 warga^99"),
            new("boolean-operators", "desa OR warga OR jalan AND NOT pasar || sekolah && !bupati"),
            new("nested-parentheses", new string('(', 90) + "desa" + new string(')', 90)),
            new("backslashes", "\\\\ \\\" \\* \\desa \\\\warga\\\\ \\u0041"),
            new("unbalanced-quote", "\"jembatan (gantung [desa {warga"),
            new("only-exclusions", "-desa -warga -jalan -pasar"),
            new("19-exclusions", "desa " + string.Join(' ', ClippingCorpus.Nouns.Skip(1).Take(19).Select(n => "-" + n))),
            new("stop-words-only", string.Join(' ', ClippingCorpus.Stop)),
            new("punctuation-only", "!@#$%^&*()_+=-{}[]|:;<>,.?/~`'\""),
            new("one-200-letter-word", new string('a', 200)),
            new("200-characters-mixed", ("\"desa* -warga~ /j.*/ [a TO z] x:y^2 \\" + new string('b', 200))[..200]),
            new("unicode-tricks", "\u202Edesa\u200B warga \U0001F600 e\u0303\u0338\u0347 \U0001D555\U0001D556\U0001D564\U0001D552 \uFDFA"),
            new("control-characters", "desa\u0000\u0001\u001F\u007F warga\r\n\tjalan"),
            new("sql-injection", "' OR 1=1; DROP TABLE content_items; --"),
            new("html-script", "<script>alert(1)</script><img src=x onerror=alert(1)>"),
            new("numbers", "2024 2025 2026 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17"),
            new("deepest-page", "desa", "&halaman=" + (1000 / 10), "&page=10&pageSize=100"),
            new("deepest-page-newest", "warga", "&halaman=" + (1000 / 10), "&page=10&pageSize=100&sort=newest"),
            new("too-deep-page", "desa", "&halaman=101", "&page=11&pageSize=100"),
            new("huge-page-number", "desa", "&halaman=99999999999", "&page=99999999999"),
            new("huge-page-size", "desa", "&pageSize=100000", "&pageSize=100000"),
            new("21-words", common + " warga"),
            new("5000-characters", new string('x', 2500) + " " + new string('y', 2499)),
            new("10000-characters", new string('x', 5000) + " " + new string('y', 4999)),
            new("empty-query-all", "", "", "&pageSize=100&sort=oldest"),
            new("outlet-typos-long", "desa", "", "&outlet=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("Harrian Raja Possst", 5)))),
        ];
    }

    /// <summary>Writes the corpus into the Content module's tables (as EF Core stores them on SQLite). Returns its characters.</summary>
    private static async Task<long> FillAsync(string database, int count)
    {
        var outlets = ClippingCorpus.Outlets();
        var random = new Random(42);
        var toBinary = new DateTimeOffsetToBinaryConverter();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        long characters = 0;
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var item = connection.CreateCommand();
        item.Transaction = transaction;
        item.CommandText = """
            INSERT INTO content_items (Id, ContentType, OwnerId, OwnerName, CreatedAt, LatestVersionId, PublishedVersionId, Slug, PublishedAt, PublishedTitle)
            VALUES ($id, 'clipping', 'bench', 'Bench', $at, $version, $version, $slug, $at, $title)
            """;
        var itemParameters = ItemColumns.ToDictionary(n => n, n => item.Parameters.Add(n, n == "$at" ? SqliteType.Integer : SqliteType.Text));
        await using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = """
            INSERT INTO content_versions (Id, ItemId, Number, Title, parts_json, ContentHash, CreatedAt, CreatedBy, Sealed)
            VALUES ($version, $id, 1, $title, $parts, $hash, $at, 'bench', 1)
            """;
        var versionParameters = VersionColumns.ToDictionary(n => n, n => version.Parameters.Add(n, n == "$at" ? SqliteType.Integer : SqliteType.Text));
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var title = ClippingCorpus.Sentence(random, 6 + random.Next(4)).TrimEnd('.');
            var text = string.Join(" ", Enumerable.Range(0, 6 + random.Next(7)).Select(_ => ClippingCorpus.Sentence(random, 8 + random.Next(7))));
            var date = DateOnly.FromDateTime(start.AddDays(random.Next(3 * 365)).UtcDateTime);
            var at = (long)toBinary.ConvertToProvider(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))!;
            var parts = JsonSerializer.Serialize(new
            {
                Article = (object?)null,
                Clipping = new
                {
                    Outlet = outlets[random.Next(outlets.Length)],
                    MediaType = ClippingCorpus.MediaTypes[random.Next(3)],
                    EditionDate = date,
                    Page = (1 + random.Next(24)).ToString(CultureInfo.InvariantCulture),
                    Headline = (string?)null,
                    Text = text,
                    Tone = ClippingCorpus.Tones[random.Next(3)],
                    Topics = new[] { ClippingCorpus.Nouns[random.Next(ClippingCorpus.Nouns.Length)] },
                },
                Adventorial = (object?)null,
                Photos = Array.Empty<object>(),
            }, json);
            var id = Guid.CreateVersion7(start.AddSeconds(i)).ToString().ToUpperInvariant();
            var versionId = Guid.CreateVersion7(start.AddSeconds(i)).ToString().ToUpperInvariant();
            itemParameters["$id"].Value = id;
            itemParameters["$at"].Value = at;
            itemParameters["$version"].Value = versionId;
            itemParameters["$slug"].Value = $"kliping-{i:000000}";
            itemParameters["$title"].Value = title;
            await item.ExecuteNonQueryAsync();
            versionParameters["$version"].Value = versionId;
            versionParameters["$id"].Value = id;
            versionParameters["$title"].Value = title;
            versionParameters["$parts"].Value = parts;
            versionParameters["$hash"].Value = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(parts)));
            versionParameters["$at"].Value = at;
            await version.ExecuteNonQueryAsync();
            characters += title.Length + text.Length;
        }

        await transaction.CommitAsync();
        return characters;
    }
}
