using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Harness;

/// <summary>
/// Backup and restore of a generated office: <c>items</c> press releases (drafts), each with <c>photos</c> small real
/// JPEGs, made through the site's own API by parallel clients (every upload checked with NetVips and stored as in
/// production). Then <c>backup --to</c> while the site runs (time, size, files), the site stopped, and
/// <c>restore --from</c> into a new data folder and database (time, which includes the search index rebuild).
/// </summary>
internal static class BackupBench
{
    public static async Task<int> RunAsync(int items, int photosPerItem, string provider, string? connection)
    {
        // PostgreSQL: the bench made its database before (Program.CreatePostgresDatabaseAsync); the restore goes into a second, empty one beside it. Both are dropped.
        var restoreConnection = connection is null ? null : new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = new Npgsql.NpgsqlConnectionStringBuilder(connection).Database + "_restored" }.ConnectionString;
        var work = BenchInterruption.TempFolder("newsroom-backup-bench-");
        var data = Path.Combine(work, "data");
        var restored = Path.Combine(work, "restored");
        var backup = Path.Combine(work, "backup");
        try
        {
            var settings = Settings(data, provider, connection);
            var port = SiteProcess.FreePort();
            var generate = Stopwatch.StartNew();
            await using (var site = SiteProcess.StartProduction(SiteProcess.FindSiteAssembly(), port, settings))
            {
                await site.WaitReadyAsync(TimeSpan.FromSeconds(120));
                await GenerateAsync(site.BaseAddress, items, photosPerItem);
                generate.Stop();
                Console.WriteLine($"generated {items:N0} items with {items * photosPerItem:N0} photos through the API in {generate.Elapsed.TotalSeconds:0} s");

                var (backupTime, backupOutput) = await CommandAsync(data, settings, "backup", "--to", backup);
                var files = Directory.EnumerateFiles(backup, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
                var database = Directory.EnumerateFiles(Path.Combine(backup, "database")).Sum(f => new FileInfo(f).Length);
                Console.WriteLine($"backup ({provider}, site running): {backupTime.TotalSeconds:0.0} s, {files.Sum() / 1024.0 / 1024:0.0} MiB in {files.Count:N0} files (database {database / 1024.0 / 1024:0.0} MiB)");
                Console.WriteLine("  " + backupOutput.Trim().Split('\n')[^2].Trim());
            }

            if (restoreConnection is not null)
            {
                await AdminAsync(restoreConnection, $"CREATE DATABASE {new Npgsql.NpgsqlConnectionStringBuilder(restoreConnection).Database}");
            }

            var target = Settings(restored, provider, restoreConnection);
            var (restoreTime, restoreOutput) = await CommandAsync(restored, target, "restore", "--from", backup);
            Console.WriteLine($"restore ({provider}, into an empty data folder and database): {restoreTime.TotalSeconds:0.0} s");
            foreach (var line in restoreOutput.Split('\n').Where(l => l.Contains("search index", StringComparison.Ordinal) || l.Contains("dipulihkan", StringComparison.Ordinal)))
            {
                Console.WriteLine("  " + line.Trim());
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            foreach (var database in new[] { connection, restoreConnection }.OfType<string>())
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await AdminAsync(database, $"DROP DATABASE IF EXISTS {new Npgsql.NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)");
            }
        }
    }

    /// <summary>Runs a statement on the server of <paramref name="connection"/>, connected to its <c>postgres</c> database.</summary>
    private static async Task AdminAsync(string connection, string sql)
    {
        await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static Dictionary<string, string> Settings(string data, string provider, string? connection) => new()
    {
        ["Newsroom:DataDir"] = data,
        ["Newsroom:Keys:Directory"] = data + "-keys",
        ["Newsroom:Database:Provider"] = provider,
        ["ConnectionStrings:Newsroom"] = connection ?? $"Data Source={Path.Combine(data, "newsroom.db")}",
        ["Newsroom:RateLimits:Upload:PermitLimit"] = "10000000",
        ["Newsroom:RateLimits:Api:PermitLimit"] = "10000000",
    };

    /// <summary>Items and photos through the API: 8 clients, each JPEG distinct (one of 40 textured images with its number in a comment).</summary>
    private static async Task GenerateAsync(Uri site, int items, int photosPerItem)
    {
        var bases = Enumerable.Range(0, 40).Select(i =>
        {
            using var noise = NetVips.Image.Gaussnoise(480, 320, sigma: 8 + i, mean: 128);
            using var grey = noise.Cast(NetVips.Enums.BandFormat.Uchar);
            using var rgb = grey.Bandjoin(grey, grey).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
            return rgb.JpegsaveBuffer(q: 80);
        }).ToArray();
        using var api = await NewsroomApiClient.SignInAsync(site);
        var reporter = api.As("reporter");
        var next = -1;
        var progress = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (_, cancellationToken) =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < items)
            {
                using var created = await reporter.PostAsJsonAsync("/api/v1/items", new
                {
                    type = "press-release",
                    title = $"Berita uji cadangan nomor {n + 1:00000} tentang pembangunan desa",
                    lead = "Teras berita yang dibuat untuk mengukur pencadangan dan pemulihan.",
                    body = "Isi berita uji pencadangan. Pemerintah kabupaten meninjau pembangunan jalan, jembatan dan pasar desa.",
                    category = "pembangunan",
                    eventDate = "2026-11-20",
                    eventPlace = "Kecamatan Raya",
                }, cancellationToken);
                Ensure(created, HttpStatusCode.Created);
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
                for (var p = 0; p < photosPerItem; p++)
                {
                    using var form = new MultipartFormDataContent();
                    var file = new ByteArrayContent(Numbered(bases[(n + p) % bases.Length], (n * photosPerItem) + p));
                    file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                    form.Add(file, "file", $"foto-{n}-{p}.jpg");
                    form.Add(new StringContent($"Foto {p + 1} berita {n + 1}"), "caption");
                    form.Add(new StringContent("Humas Diskominfo"), "credit");
                    using var uploaded = await reporter.PostAsync($"/api/v1/items/{id}/media", form, cancellationToken);
                    Ensure(uploaded, HttpStatusCode.Created);
                }

                if ((n + 1) % 1000 == 0)
                {
                    Console.WriteLine($"  {n + 1:N0} items ({progress.Elapsed.TotalSeconds:0} s)");
                }
            }
        });
    }

    /// <summary>The JPEG with a comment segment (FF FE) after its start marker: the same picture, a file of its own.</summary>
    private static byte[] Numbered(byte[] jpeg, int number)
    {
        var text = System.Text.Encoding.ASCII.GetBytes($"foto uji {number}");
        var length = text.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xFE, (byte)(length >> 8), (byte)length, .. text, .. jpeg[2..]];
    }

    private static void Ensure(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        }
    }

    /// <summary>Runs a command of the site (Release build) with the node's settings; its time and output. Fails on a non-zero exit.</summary>
    private static async Task<(TimeSpan Took, string Output)> CommandAsync(string data, Dictionary<string, string> settings, params string[] args)
    {
        var site = SiteProcess.FindSiteAssembly();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(site)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(site);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Newsroom__RunJobServer"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var took = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        took.Stop();
        var text = await output + await errors;
        return process.ExitCode == 0 ? (took.Elapsed, text) : throw new InvalidOperationException($"{string.Join(' ', args)} exited with {process.ExitCode}:\n{text}");
    }
}
