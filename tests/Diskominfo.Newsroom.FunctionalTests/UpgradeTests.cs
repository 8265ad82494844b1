using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Harness;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Upgrades: nodes starting together on one database initialize it once (every module's migrations and the seeding,
/// under one lock), a database migrated by a newer version is refused at start and by <c>migrate</c>, and a failed
/// migration leaves the lock free for the next start.
/// </summary>
public sealed class UpgradeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);
    private const string Waiting = "Another process is initializing the database";
    private const string FutureMigration = "29990101000000_DariMasaDepan";

    [Fact]
    public Task TwoNodes_StartTogetherOnOneEmptyDatabase_MigrateAndSeedOnceAndBothServe_Sqlite() => TwoNodesAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task TwoNodes_StartTogetherOnOneEmptyDatabase_MigrateAndSeedOnceAndBothServe_Postgres() => TwoNodesAsync(TestDatabase.PostgresAsync);

    [Fact]
    public Task DatabaseFromTheFuture_StartAndMigrate_RefusedWithExitCode1_Sqlite() => FutureAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task DatabaseFromTheFuture_StartAndMigrate_RefusedWithExitCode1_Postgres() => FutureAsync(TestDatabase.PostgresAsync);

    [Fact]
    public Task FailedMigration_NextStartInTheSameProcess_GetsTheLockAndMigrates_Sqlite() => FailedMigrationAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task FailedMigration_NextStartInTheSameProcess_GetsTheLockAndMigrates_Postgres() => FailedMigrationAsync(TestDatabase.PostgresAsync);

    [Fact]
    public Task LockHeldElsewhere_StartAndMigrate_RefusedAfterTheTimeout_Sqlite() => LockHeldAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task LockHeldElsewhere_StartAndMigrate_RefusedAfterTheTimeout_Postgres() => LockHeldAsync(TestDatabase.PostgresAsync);

    [Fact]
    public async Task MissingDatabase_StartAndMigrate_RefusedWithExitCode1_Postgres()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var missing = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "newsroom_tidak_ada" };
        await RefusedAsync(missing.ConnectionString,
            $"Basis data PostgreSQL \"newsroom_tidak_ada\" tidak ada di server {missing.Host}:{missing.Port}. Buat dahulu (CREATE DATABASE newsroom_tidak_ada");
    }

    [Fact]
    public async Task UnknownRole_StartAndMigrate_RefusedWithExitCode1_Postgres()
    {
        // The server refuses a sign-in as a role it does not have (28000) whatever its authentication method, even the
        // trust a test server is set up with, where a wrong password would never be checked.
        await using var database = await TestDatabase.PostgresAsync();
        var stranger = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = "bukan_pengguna_newsroom", Password = "x" };
        await RefusedAsync(stranger.ConnectionString,
            $"Server PostgreSQL {stranger.Host}:{stranger.Port} menolak masuk sebagai \"bukan_pengguna_newsroom\" (");
    }

    [Fact]
    public async Task PostgresNotReachable_StartAndMigrate_RefusedWithExitCode1()
    {
        var port = SiteProcess.FreePort(); // nothing listens there
        await RefusedAsync($"Host=127.0.0.1;Port={port};Database=newsroom;Username=newsroom;Password=x",
            $"Server PostgreSQL 127.0.0.1:{port} tidak dapat dihubungi (");
    }

    /// <summary>The site and <c>migrate</c> on a PostgreSQL connection that cannot work: each says why and exits with 1 instead of crashing.</summary>
    private static async Task RefusedAsync(string connectionString, string refusal)
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-refused-").FullName;
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Newsroom__Database__Provider"] = "Postgres",
                ["ConnectionStrings__Newsroom"] = connectionString,
            };
            foreach (var args in new[] { Array.Empty<string>(), ["migrate"] })
            {
                await using var run = SiteRun.Start(dataDir, settings, args);
                Assert.Equal(1, await run.ExitCodeAsync(Timeout));
                Assert.Contains(refusal, run.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            DeleteFolders(dataDir);
        }
    }

    /// <summary>
    /// The test holds the lock until both nodes wait for it, then lets go: they race for it at the same moment. Both
    /// come up, with every migration applied once, the roles, sections and demo accounts made once, and no error logged.
    /// </summary>
    private static async Task TwoNodesAsync(Func<Task<TestDatabase>> open)
    {
        await using var database = await open();
        var root = Directory.CreateTempSubdirectory("newsroom-upgrade-").FullName;
        try
        {
            var connectionString = ConnectionString(database, root);
            var site = SiteProcess.FindSiteAssembly();
            var nodes = new List<SiteProcess>();
            try
            {
                await using (await HoldLockAsync(database, connectionString))
                {
                    foreach (var node in new[] { "a", "b" })
                    {
                        nodes.Add(SiteProcess.Start(site, SiteProcess.FreePort(), new Dictionary<string, string>
                        {
                            ["Newsroom:DataDir"] = Path.Combine(root, node),
                            ["Newsroom:Keys:Directory"] = Path.Combine(root, "keys"),
                            ["Newsroom:Database:Provider"] = database.Provider,
                            ["ConnectionStrings:Newsroom"] = connectionString,
                            ["Logging:LogLevel:Diskominfo.Newsroom.Infrastructure.Hosting.NewsroomInitializer"] = "Information",
                        }));
                    }

                    await WaitUntilAsync(() => nodes.All(n => n.Output.Contains(Waiting, StringComparison.Ordinal) || n.HasExited),
                        () => string.Join("\n---\n", nodes.Select(n => n.Output)));
                    Assert.All(nodes, n => Assert.False(n.HasExited, n.Output));
                }

                foreach (var node in nodes)
                {
                    await node.WaitReadyAsync(Timeout);
                    using var client = new HttpClient { BaseAddress = node.BaseAddress };
                    var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = NewsroomApp.Password });
                    Assert.Equal(HttpStatusCode.OK, login.StatusCode);
                }

                // Each module's migrations once: as many history rows as the code has migrations, no id twice.
                var history = await HistoryAsync(database, connectionString);
                var (modules, migrations) = KnownMigrations(database.Provider);
                Assert.Equal(modules, history.Count);
                Assert.All(history, h => Assert.Equal(h.Rows, h.Distinct));
                Assert.Equal(migrations, history.Sum(h => h.Rows));

                // The seeding once.
                Assert.Equal(NewsroomRoles.All.Count, await CountAsync(database, connectionString, "SELECT count(*) FROM users_roles"));
                Assert.Equal(DemoAccounts.All.Count, await CountAsync(database, connectionString, "SELECT count(*) FROM users_accounts"));
                Assert.Equal(DemoOrganization.Sections.Count, await CountAsync(database, connectionString, "SELECT count(*) FROM organization_sections"));

                foreach (var node in nodes)
                {
                    Assert.False(node.HasExited, node.Output);
                    Assert.False(node.Output.Contains("fail:", StringComparison.Ordinal) || node.Output.Contains("crit:", StringComparison.Ordinal), node.Output);
                }
            }
            finally
            {
                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }
            }
        }
        finally
        {
            DeleteFolders(root);
        }
    }

    /// <summary>
    /// A module's history holds a migration this code does not know (a newer version migrated the database): the site
    /// and the <c>migrate</c> command both refuse, Indonesian first, with exit code 1, and change nothing.
    /// </summary>
    private static async Task FutureAsync(Func<Task<TestDatabase>> open)
    {
        await using var database = await open();
        var dataDir = Directory.CreateTempSubdirectory("newsroom-future-").FullName;
        try
        {
            var connectionString = ConnectionString(database, dataDir);
            var settings = RunSettings(database, connectionString);
            await using (var migrate = SiteRun.Start(dataDir, settings, "migrate"))
            {
                Assert.Equal(0, await migrate.ExitCodeAsync(Timeout));
            }

            await ExecuteAsync(database, connectionString,
                $"INSERT INTO \"__editorial_migrations\" (\"MigrationId\", \"ProductVersion\") VALUES ('{FutureMigration}', '99.0.0')");
            var before = await HistoryAsync(database, connectionString);

            await using (var start = SiteRun.Start(dataDir, settings))
            {
                Assert.Equal(1, await start.ExitCodeAsync(Timeout));
                Assert.Contains("Situs tidak dijalankan: basis data lebih baru daripada versi aplikasi ini (1 migrasi tidak dikenal, mis. " +
                    $"editorial: {FutureMigration})", start.Output, StringComparison.Ordinal);
                Assert.Contains("The database is newer than this code", start.Output, StringComparison.Ordinal);
            }

            await using (var migrate = SiteRun.Start(dataDir, settings, "migrate"))
            {
                Assert.Equal(1, await migrate.ExitCodeAsync(Timeout));
                Assert.Contains($"Migrasi tidak dijalankan: basis data lebih baru daripada versi aplikasi ini (1 migrasi tidak dikenal, mis. editorial: {FutureMigration})",
                    migrate.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("Basis data diperbarui", migrate.Output, StringComparison.Ordinal);
            }

            Assert.Equal(before, await HistoryAsync(database, connectionString));
        }
        finally
        {
            DeleteFolders(dataDir);
        }
    }

    /// <summary>
    /// A migration fails (a table in its way): the start fails, and the host is left as it is, never disposed. The next
    /// start in the same process gets the lock within its short timeout (a lock left held would refuse it) and migrates.
    /// </summary>
    private static async Task FailedMigrationAsync(Func<Task<TestDatabase>> open)
    {
        await using var database = await open();
        var dataDir = Directory.CreateTempSubdirectory("newsroom-failed-").FullName;
        try
        {
            var connectionString = ConnectionString(database, dataDir);
            var settings = new Dictionary<string, string?> { ["Newsroom:Database:InitializationLockTimeout"] = "00:00:05" };

            await ExecuteAsync(database, connectionString, "CREATE TABLE archive_records (palsu integer)");
            var failed = await Assert.ThrowsAnyAsync<DbException>(() => NewsroomApp.StartAsync(database, runJobs: false, dataDir: dataDir, extraSettings: settings));
            Assert.Contains("archive_records", failed.Message, StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync(database, connectionString, "SELECT count(*) FROM \"__archive_migrations\""));

            await ExecuteAsync(database, connectionString, "DROP TABLE archive_records");
            await using var app = await NewsroomApp.StartAsync(database, runJobs: false, dataDir: dataDir, extraSettings: settings);
            using var admin = await app.LoginAsync("admin");
            Assert.Equal(KnownMigrations(database.Provider).Migrations, (await HistoryAsync(database, connectionString)).Sum(h => h.Rows));
        }
        finally
        {
            DeleteFolders(dataDir);
        }
    }

    /// <summary>
    /// Another process holds the lock and does not let go: the site and the <c>migrate</c> command wait for the set
    /// time, then refuse with exit code 1 and say why (on PostgreSQL naming the session that holds it); once it is
    /// free, <c>migrate</c> runs.
    /// </summary>
    private static async Task LockHeldAsync(Func<Task<TestDatabase>> open)
    {
        await using var database = await open();
        var dataDir = Directory.CreateTempSubdirectory("newsroom-locked-").FullName;
        try
        {
            var connectionString = ConnectionString(database, dataDir);
            var settings = RunSettings(database, connectionString);
            settings["Newsroom__Database__InitializationLockTimeout"] = "00:00:03";
            await using (var held = await HoldLockAsync(database, connectionString))
            {
                foreach (var args in new[] { Array.Empty<string>(), ["migrate"] })
                {
                    await using var run = SiteRun.Start(dataDir, settings, args);
                    Assert.Equal(1, await run.ExitCodeAsync(Timeout));
                    Assert.Contains("Kunci inisialisasi basis data tidak diperoleh dalam 3 detik: proses lain", run.Output, StringComparison.Ordinal);
                    Assert.DoesNotContain("Basis data diperbarui", run.Output, StringComparison.Ordinal);
                    Assert.Contains(held.Holder, run.Output, StringComparison.Ordinal);
                }
            }

            await using var migrate = SiteRun.Start(dataDir, settings, "migrate");
            Assert.Equal(0, await migrate.ExitCodeAsync(Timeout));
            Assert.Contains("Basis data diperbarui", migrate.Output, StringComparison.Ordinal);
        }
        finally
        {
            DeleteFolders(dataDir);
        }
    }

    /// <summary>A data folder and the keys folder beside it (see <see cref="SiteRun"/>), when they were made.</summary>
    private static void DeleteFolders(string dataDir)
    {
        SqliteConnection.ClearAllPools();
        SiteProcess.DeleteDataDir(dataDir);
    }

    private static string ConnectionString(TestDatabase database, string folder)
        => database.ConnectionString ?? $"Data Source={Path.Combine(folder, "newsroom.db")}";

    private static Dictionary<string, string> RunSettings(TestDatabase database, string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Newsroom__Database__Provider"] = database.Provider,
        ["ConnectionStrings__Newsroom"] = connectionString,
    };

    /// <summary>Takes the initialization lock as another process would; <see cref="HeldLock.Holder"/> is what a refusal names.</summary>
    private static async Task<HeldLock> HoldLockAsync(TestDatabase database, string connectionString)
    {
        if (database.Provider == "Sqlite")
        {
            var path = InitializationLock.LockFilePath(connectionString)!;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new HeldLock(path, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }

        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@name, 0)); SELECT pg_backend_pid()", connection);
        command.Parameters.AddWithValue("name", InitializationLock.Name);
        return new HeldLock($"pid {await command.ExecuteScalarAsync()}", connection);
    }

    private sealed record HeldLock(string Holder, IAsyncDisposable Handle) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Handle.DisposeAsync();
    }

    /// <summary>The modules with migrations for <paramref name="provider"/> (one DbContext each), and their migrations.</summary>
    private static (int Modules, int Migrations) KnownMigrations(string provider)
    {
        var contexts = typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Diskominfo.Newsroom.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<MigrationAttribute>() is not null)
            .Select(t => t.GetCustomAttribute<DbContextAttribute>()!.ContextType)
            .Where(c => c.Name.StartsWith(provider, StringComparison.Ordinal))
            .ToList();
        return (contexts.Distinct().Count(), contexts.Count);
    }

    /// <summary>Every module's migrations history table: its rows and its distinct migration ids.</summary>
    private static async Task<List<(string Table, long Rows, long Distinct)>> HistoryAsync(TestDatabase database, string connectionString)
    {
        var tables = await QueryAsync(database, connectionString, database.Provider == "Sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_\\_%\\_migrations' ESCAPE '\\' ORDER BY name"
            : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '\\_\\_%\\_migrations' ORDER BY table_name");
        var history = new List<(string, long, long)>();
        foreach (var table in tables.Select(r => (string)r[0]))
        {
            var row = (await QueryAsync(database, connectionString, $"SELECT count(*), count(DISTINCT \"MigrationId\") FROM \"{table}\""))[0];
            history.Add((table, Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return history;
    }

    private static async Task<long> CountAsync(TestDatabase database, string connectionString, string sql)
        => Convert.ToInt64((await QueryAsync(database, connectionString, sql))[0][0], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(TestDatabase database, string connectionString, string sql)
        => await QueryAsync(database, connectionString, sql);

    private static async Task<List<object[]>> QueryAsync(TestDatabase database, string connectionString, string sql)
    {
        await using DbConnection connection = database.Provider == "Sqlite"
            ? new SqliteConnection(connectionString + ";Pooling=false")
            : new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> explain)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out:\n" + explain());
            await Task.Delay(100);
        }
    }
}
