using System.Diagnostics;
using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Search.Index;
using Microsoft.Data.Sqlite;

/// <summary>
/// The archive's search engine (the site's own index code: documents, analyzers, query parser, facets, snippets)
/// against SQLite FTS5 on the same generated corpus of clippings, in one run: build time, size on disk, and the
/// latency of 50 fixed queries (top 20 with snippets and the total; Lucene also counts 8 facets).
/// </summary>
internal static class SearchBench
{
    private static readonly string[] FtsParameters = ["$t", "$x", "$p", "$o", "$n", "$tone", "$d"];

    public static async Task<int> RunAsync(int count, string directory, string corpusKind)
    {
        if (corpusKind is not ("natural" or "dense"))
        {
            Console.Error.WriteLine("--corpus is natural (Zipf's law over 40,000 words, the default) or dense (150 words: every query word in most clippings)");
            return 2;
        }

        Func<Random, int, string> sentence = corpusKind == "dense" ? ClippingCorpus.Sentence : ClippingCorpus.NaturalSentence;
        Directory.CreateDirectory(directory);
        var outlets = ClippingCorpus.Outlets();
        var random = new Random(42);
        long characters = 0;

        // The corpus goes to a file first, and each engine reads it from there as it builds, as the site's rebuild
        // streams the clippings from its database: a million clippings held in memory would make every garbage
        // collection of the .NET build walk them, a cost the site never pays (and FTS5, native code, never sees).
        var corpusPath = Path.Combine(directory, "corpus.tsv");
        await using (var corpusFile = new StreamWriter(corpusPath))
        {
            for (var i = 0; i < count; i++)
            {
                var title = sentence(random, 6 + random.Next(4)).TrimEnd('.');
                var text = string.Join(" ", Enumerable.Range(0, 6 + random.Next(7)).Select(_ => sentence(random, 8 + random.Next(7))));
                var date = new DateOnly(2024, 1, 1).AddDays(random.Next(3 * 365));
                await corpusFile.WriteLineAsync(string.Join('\t',
                    title, text, date.DayNumber.ToString(CultureInfo.InvariantCulture), outlets[random.Next(outlets.Length)], ClippingCorpus.MediaTypes[random.Next(3)],
                    (1 + random.Next(24)).ToString(CultureInfo.InvariantCulture), ClippingCorpus.Tones[random.Next(3)], ClippingCorpus.Nouns[random.Next(ClippingCorpus.Nouns.Length)]));
                characters += title.Length + text.Length;
            }
        }

        Console.WriteLine($"corpus ({corpusKind}): {count:N0} generated clippings, {characters / 1024 / 1024:N0} MiB of text, {outlets.Length} outlets, 3 years");

        // Lucene, with the site's own document builder.
        var lucenePath = Path.Combine(directory, "lucene");
        var watch = Stopwatch.StartNew();
        using (var index = new SearchIndex(lucenePath))
        {
            // As the site's rebuild does: documents added from as many threads as there are cores.
            // As the site's rebuild does: one private writer per core, joined at the end.
            await index.ReplaceAllAsync<(SearchableItem Item, int Sequence)>(
                async add =>
                {
                    var sequence = 0;
                    foreach (var item in Read(corpusPath))
                    {
                        await add((item, ++sequence));
                    }
                },
                source => [SearchDocuments.Staff(source.Item, "archived", new ArchiveView($"487/{source.Sequence:00000}/DISKOMINFO/{source.Item.Latest.EditionDate!.Value.Year}", "487", DateTimeOffset.UtcNow))],
                CancellationToken.None);
            index.Commit(0);
        }

        var luceneBuild = watch.Elapsed.TotalSeconds;
        var luceneBytes = new DirectoryInfo(lucenePath).EnumerateFiles().Sum(f => f.Length);

        // FTS5 on the same fields, in one transaction with a prepared statement (its fastest way in).
        var ftsPath = Path.Combine(directory, "fts5.db");
        File.Delete(ftsPath);
        watch.Restart();
        await using (var connection = new SqliteConnection($"Data Source={ftsPath};Pooling=false"))
        {
            await connection.OpenAsync();
            await Exec(connection, "PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE clips USING fts5(title, text, topics, outlet, number, tone UNINDEXED, day UNINDEXED, tokenize='unicode61');");
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO clips(title, text, topics, outlet, number, tone, day) VALUES ($t, $x, $p, $o, $n, $tone, $d)";
            var parameters = FtsParameters.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            insert.Prepare();
            var sequence = 0;
            foreach (var item in Read(corpusPath))
            {
                sequence++;
                var v = item.Latest;
                parameters[0].Value = v.Title;
                parameters[1].Value = v.Text;
                parameters[2].Value = string.Join(", ", v.Topics);
                parameters[3].Value = v.Outlet;
                parameters[4].Value = $"487/{sequence:00000}/DISKOMINFO/{v.EditionDate!.Value.Year}";
                parameters[5].Value = v.Tone;
                parameters[6].Value = v.EditionDate!.Value.DayNumber.ToString(CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            await Exec(connection, "INSERT INTO clips(clips) VALUES('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var ftsBuild = watch.Elapsed.TotalSeconds;
        var ftsBytes = new FileInfo(ftsPath).Length;
        Console.WriteLine($"build: Lucene.NET {luceneBuild:0.0} s, {luceneBytes / 1024.0 / 1024:0} MiB; SQLite FTS5 {ftsBuild:0.0} s, {ftsBytes / 1024.0 / 1024:0} MiB");
        Console.WriteLine($"build time ratio Lucene/FTS5: {luceneBuild / ftsBuild:0.00} (target <= 1); size ratio {(double)luceneBytes / ftsBytes:0.00}");

        // The same 50 questions to both; the archivist's words for Lucene, FTS5's own syntax for the same intent.
        var queries = Queries();
        using var lucene = new SearchIndex(lucenePath);
        var engine = new SearchEngine(lucene, Microsoft.Extensions.Options.Options.Create(new SearchOptions()));
        var archivist = new Actor("bench", "arsiparis", "Arsiparis", new HashSet<string> { NewsroomRoles.Archivist });
        await using var fts = new SqliteConnection($"Data Source={ftsPath};Mode=ReadOnly");
        await fts.OpenAsync();
        var luceneTimes = new List<double>();
        var ftsTimes = new List<double>();
        var luceneMemory = new List<(double Time, long Faults, long DiskBytes)>();
        long luceneHits = 0, ftsHits = 0;
        var partial = 0;
        var warmPartial = 0;
        for (var round = 0; round < 6; round++)
        {
            foreach (var query in queries)
            {
                var (faults, disk) = PagesIn();
                watch.Restart();
                var results = await engine.SearchAsync(new SearchRequest(query.Lucene, Tone: query.Tone), archivist, CancellationToken.None);
                var lucenes = watch.Elapsed.TotalMilliseconds;
                var (faultsAfter, diskAfter) = PagesIn();
                partial += results.Partial && round > 0 ? 1 : 0;
                warmPartial += results.Partial && round == 0 ? 1 : 0;
                watch.Restart();
                var total = await FtsAsync(fts, query.Fts, query.Tone);
                var ftss = watch.Elapsed.TotalMilliseconds;
                if (round == 0)
                {
                    // The first round warms both (JIT, page cache) and counts what each finds.
                    luceneHits += results.Total;
                    ftsHits += total;
                    continue;
                }

                luceneTimes.Add(lucenes);
                ftsTimes.Add(ftss);
                luceneMemory.Add((lucenes, faultsAfter - faults, diskAfter - disk));
            }
        }

        luceneTimes.Sort();
        ftsTimes.Sort();
        var lp95 = P(luceneTimes, 0.95);
        var fp95 = P(ftsTimes, 0.95);
        Console.WriteLine($"queries: {queries.Count} fixed x 5 rounds after a warm-up; top 20 with snippets and the total (Lucene also 8 facets, Indonesian stemming)");
        Console.WriteLine($"  Lucene.NET p50 {P(luceneTimes, 0.5):0.00} ms, p95 {lp95:0.00} ms, max {luceneTimes[^1]:0.00} ms; {luceneHits:N0} hits over the 50 queries ({luceneHits / (double)queries.Count / count:P0} of the corpus per query)");
        Console.WriteLine($"  Lucene.NET answers cut at the site's time limit of {new SearchOptions().TimeLimit.TotalMilliseconds:0} ms (partial: total and facets undercounted): {partial} of {queries.Count * 5}, and {warmPartial} of the warm-up's {queries.Count}");
        // A query reads the index through the page cache: pages the kernel dropped from it come back from the disk.
        // Counted around each Lucene query from /proc (the process's page faults, and the bytes it had read from the
        // disk), they tell the time spent getting the index's pages back from the time spent searching them.
        if (PagesIn().Faults >= 0)
        {
            var read = luceneMemory.Where(q => q.DiskBytes > 0).ToList();
            var faultsPerQuery = luceneMemory.Select(q => (double)q.Faults).Order().ToList();
            var fromMemory = luceneMemory.Where(q => q.DiskBytes == 0).Select(q => q.Time).Order().ToList();
            Console.WriteLine($"  Lucene.NET index pages faulted in per query: p50 {P(faultsPerQuery, 0.5):0}, p95 {P(faultsPerQuery, 0.95):0}; queries that read from the disk: {read.Count} of {luceneMemory.Count} ({read.Sum(q => q.DiskBytes) / 1024.0 / 1024:0.0} MiB){(fromMemory.Count > 0 ? $", the others p95 {P(fromMemory, 0.95):0.00} ms" : "")}");
        }

        Console.WriteLine($"  SQLite FTS5 p50 {P(ftsTimes, 0.5):0.00} ms, p95 {fp95:0.00} ms, max {ftsTimes[^1]:0.00} ms; {ftsHits:N0} hits (no stemming: 'bangun' misses 'pembangunan')");
        Console.WriteLine($"query p95 ratio Lucene/FTS5: {lp95 / fp95:0.00} (target <= 1); Lucene p95 {lp95:0.00} ms (target < 15 ms, with facets and snippets, none partial)");
        return 0;
    }

    /// <summary>The clippings of the corpus file, one a line, read as they are needed.</summary>
    private static IEnumerable<SearchableItem> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            var version = new SearchableVersion(f[0], null, f[1], null, f[3], f[4], DateOnly.FromDayNumber(int.Parse(f[2], CultureInfo.InvariantCulture)), f[5], f[6], [f[7]]);
            yield return new SearchableItem(Guid.CreateVersion7(), ContentTypes.Clipping, "reporter", DateTimeOffset.UtcNow, version, null, null, null);
        }
    }

    internal static List<(string Lucene, string Fts, string? Tone)> Queries()
    {
        var list = new List<(string, string, string?)>();
        string[] roots = ["bangun", "jalan", "sehat", "didik", "tani", "kelola", "bantu", "atur", "layan", "baik", "tingkat", "usaha", "resmi", "tinjau", "tangan", "periksa"];
        foreach (var root in roots)
        {
            list.Add((root, root, null));
        }

        string[] singles = ["jembatan", "puskesmas", "banjir", "stunting"];
        list.AddRange(singles.Select(w => (w, w, (string?)null)));
        string[][] pairs = [["bangun", "jembatan"], ["layan", "puskesmas"], ["baik", "jalan"], ["sehat", "desa"], ["bantu", "petani"], ["harga", "beras"], ["sampah", "pasar"], ["wisata", "festival"], ["air", "bersih"], ["listrik", "desa"]];
        list.AddRange(pairs.Select(p => ($"{p[0]} {p[1]}", $"{p[0]} {p[1]}", (string?)null)));
        string[][] phrases = [["jembatan", "gantung"], ["air", "bersih"], ["rumah", "sakit"], ["harga", "beras"], ["angkutan", "bus"], ["jalan", "tol"], ["lampu", "jalan"], ["pelayanan", "kesehatan"], ["pembangunan", "jembatan"], ["kapal", "nelayan"]];
        list.AddRange(phrases.Select(p => ($"\"{p[0]} {p[1]}\"", $"\"{p[0]} {p[1]}\"", (string?)null)));
        string[] prefixes = ["pemban", "kesehat", "pendidi", "perbai", "pelabu"];
        list.AddRange(prefixes.Select(p => ($"{p}*", $"{p}*", (string?)null)));
        string[] filtered = ["banjir", "harga", "sampah", "vaksin", "terminal"];
        list.AddRange(filtered.Select(w => (w, w, (string?)"negatif")));
        return list;
    }

    private static async Task<long> FtsAsync(SqliteConnection connection, string match, string? tone)
    {
        var where = tone is null ? "clips MATCH $q" : "clips MATCH $q AND tone = $tone";
        await using var top = connection.CreateCommand();
        top.CommandText = $"SELECT rowid, title, snippet(clips, 1, '<mark>', '</mark>', '…', 24) FROM clips WHERE {where} ORDER BY rank LIMIT 20";
        top.Parameters.AddWithValue("$q", match);
        if (tone is not null)
        {
            top.Parameters.AddWithValue("$tone", tone);
        }

        await using (var reader = await top.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                _ = reader.GetString(2);
            }
        }

        top.CommandText = $"SELECT count(*) FROM clips WHERE {where}";
        return (long)(await top.ExecuteScalarAsync())!;
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The process's page faults so far (minor and major) and the bytes it had read from the disk; -1 without /proc.</summary>
    private static (long Faults, long DiskBytes) PagesIn()
    {
        try
        {
            // /proc/self/stat: the command's name in parentheses, then fields from the third on; minflt is the 10th,
            // majflt the 12th. /proc/self/io: read_bytes, what the process had fetched from the storage layer.
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var faults = long.Parse(fields[7], CultureInfo.InvariantCulture) + long.Parse(fields[9], CultureInfo.InvariantCulture);
            var io = File.ReadLines("/proc/self/io").First(l => l.StartsWith("read_bytes:", StringComparison.Ordinal));
            return (faults, long.Parse(io["read_bytes:".Length..], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return (-1, -1);
        }
    }

    private static double P(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
