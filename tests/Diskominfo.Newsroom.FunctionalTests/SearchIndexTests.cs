using System.Diagnostics;
using System.Net;
using Diskominfo.Newsroom.Harness;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The index is derived data: a node catches up with what it missed, rebuilds what it lost, on command or button.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public async Task Index_CatchesUpWhenStale_RebuildsWhenMissing_ByButtonAndByCommand()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var dataDir = Directory.CreateTempSubdirectory("newsroom-search-").FullName;
        Guid first;
        await using (var app = await NewsroomApp.StartAsync(database, dataDir: dataDir))
        {
            using var reporter = await app.LoginAsync("reporter");
            first = await SearchTests.ClippingAsync(reporter, "Pembangunan pasar Raya dimulai", "Harian Suara Raya", "koran", "positif", "Pasar dibangun tiga lantai.");
            using var kasi = await app.LoginAsync("kasi");
            Assert.Equal([first], SearchTests.Ids(await SearchTests.SearchUntilAsync(kasi, "?q=pasar", r => r.GetProperty("total").GetInt32() == 1)));
        }

        // Another node (its own index) records a change this node's index has not seen.
        Guid second;
        await using (var other = await NewsroomApp.StartAsync(
                         database, dataDir: dataDir, extraSettings: new Dictionary<string, string?> { ["Newsroom:Search:IndexPath"] = Path.Combine(dataDir, "other-index") }))
        {
            using var reporter = await other.LoginAsync("reporter");
            second = await SearchTests.ClippingAsync(reporter, "Pasar malam ditutup", "Radar Raya", "koran", "netral", "Pasar malam ditutup sementara.");
        }

        // Back on the first node: the stale index resumes from its cursor and finds both.
        await using (var app = await NewsroomApp.StartAsync(database, dataDir: dataDir))
        {
            using var kasi = await app.LoginAsync("kasi");
            var found = await SearchTests.SearchUntilAsync(kasi, "?q=pasar", r => r.GetProperty("total").GetInt32() == 2);
            Assert.Equal(new[] { first, second }.Order(), SearchTests.Ids(found).Order());

            // The button rebuilds it from the database; searches keep working meanwhile.
            using var archivist = await app.SignInAsync("arsiparis");
            var response = await archivist.PostFormAsync("/admin/cari/indeks", []);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            string page;
            do
            {
                page = await archivist.Http.GetStringAsync("/admin/cari/indeks");
            }
            while (!page.Contains("2 naskah dalam", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());
            Assert.Contains("2 naskah dalam", page, StringComparison.Ordinal);
            Assert.Contains("<dd class=\"documents\">2</dd>", page, StringComparison.Ordinal);
            Assert.Equal(2, (await SearchTests.SearchAsync(kasi, "?q=pasar")).GetProperty("total").GetInt32());

            // A reporter may not rebuild the index.
            using var reporter = await app.SignInAsync("reporter");
            var refused = await reporter.Http.GetAsync("/admin/cari/indeks");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/ditolak", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // The index lost with the site stopped: the command rebuilds it from the database.
        Directory.Delete(Path.Combine(dataDir, "search-index"), recursive: true);
        var (exit, output) = await RunSiteCommandAsync(dataDir, "rebuild-search-index");
        Assert.Equal(0, exit);
        Assert.Contains("dibangun ulang: 2 naskah", output, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(dataDir, "search-index"), "segments_*").Any());

        // And a node that starts with no index at all rebuilds it by itself.
        Directory.Delete(Path.Combine(dataDir, "search-index"), recursive: true);
        await using (var app = await NewsroomApp.StartAsync(database, dataDir: dataDir))
        {
            using var kasi = await app.LoginAsync("kasi");
            Assert.Equal(2, (await SearchTests.SearchUntilAsync(kasi, "?q=pasar", r => r.GetProperty("total").GetInt32() == 2)).GetProperty("total").GetInt32());
        }
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }

    /// <summary>Runs the built site with a command, as an operator does on the server.</summary>
    private static async Task<(int Exit, string Output)> RunSiteCommandAsync(string dataDir, string command)
    {
        var start = new ProcessStartInfo("dotnet", [SiteProcess.FindSiteAssembly(), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(SiteProcess.FindSiteAssembly())!,
        };
        start.Environment["Newsroom__DataDir"] = dataDir;
        start.Environment["Newsroom__Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Newsroom"] = $"Data Source={Path.Combine(dataDir, "newsroom.db")}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
