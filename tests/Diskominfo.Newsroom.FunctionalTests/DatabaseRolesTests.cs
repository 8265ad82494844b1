using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// On PostgreSQL the tables belong to an owner role that only the <c>migrate</c> command uses; the site runs as a role
/// that may read and write rows and nothing else, so it cannot drop the triggers that keep the archive, the audit log
/// and the buku agenda append-only, truncate them, or alter a table. The README's SQL for the two roles is what runs here.
/// </summary>
public sealed class DatabaseRolesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task RuntimeRole_MigratedByTheOwner_RunsTheSiteButCannotDropTriggersTruncateOrAlter()
    {
        var database = await TestDatabase.PostgresAsync();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var (owner, runtime) = ($"newsroom_owner_{suffix}", $"newsroom_app_{suffix}");
        var server = Environment.GetEnvironmentVariable("NEWSROOM_TEST_POSTGRES")!;
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        var ownerConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = owner, Password = "pemilik-rahasia" }.ConnectionString;
        var runtimeConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = runtime, Password = "aplikasi-rahasia" }.ConnectionString;
        var dataDir = Directory.CreateTempSubdirectory("newsroom-roles-").FullName;
        try
        {
            // The README's SQL: the roles, the database owned by the owner, and default rights for what the owner creates.
            await RunAsync(server,
                $"CREATE ROLE {owner} LOGIN PASSWORD 'pemilik-rahasia'",
                $"CREATE ROLE {runtime} LOGIN PASSWORD 'aplikasi-rahasia'",
                $"ALTER DATABASE {name} OWNER TO {owner}");
            await RunAsync(database.ConnectionString!,
                $"ALTER SCHEMA public OWNER TO {owner}",
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                $"GRANT USAGE ON SCHEMA public TO {runtime}");
            await RunAsync(ownerConnection,
                $"ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {runtime}",
                $"ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO {runtime}",
                $"ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO {runtime}");

            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Newsroom__Database__Provider"] = "Postgres",
                ["ConnectionStrings__Newsroom"] = runtimeConnection,
                ["ConnectionStrings__NewsroomMigrations"] = ownerConnection,
            };

            // In Production on PostgreSQL the site does not migrate: before the migrate command it refuses to start.
            await using (var early = SiteRun.Start(dataDir, settings))
            {
                Assert.Equal(1, await early.ExitCodeAsync(Timeout));
                Assert.Contains("migrasi tertunda", early.Output, StringComparison.Ordinal);
            }

            await using (var migrate = SiteRun.Start(dataDir, settings, "migrate"))
            {
                Assert.Equal(0, await migrate.ExitCodeAsync(Timeout));
                Assert.Contains("Basis data diperbarui", migrate.Output, StringComparison.Ordinal);
            }

            Assert.Equal(owner, await ScalarAsync(runtimeConnection, "SELECT tableowner FROM pg_tables WHERE tablename = 'archive_records'"));
            Assert.Equal(owner, await ScalarAsync(runtimeConnection, "SELECT tableowner FROM pg_tables WHERE schemaname = 'hangfire' AND tablename = 'job'"));

            // The site runs as the runtime role (with its job server): an item goes from the reporter to the archive.
            await using (var app = await NewsroomApp.StartAsync(database, dataDir: dataDir, extraSettings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Newsroom"] = runtimeConnection,
                ["Newsroom:Database:MigrateAtStart"] = "false",
            }))
            {
                using var reporter = await app.LoginAsync("reporter");
                using var kasi = await app.LoginAsync("kasi");
                await Api.PublishAsync(app, reporter, "Bupati Resmikan Pasar Ikan", "ekonomi", photos: 1);
                var search = await SearchTests.SearchUntilAsync(kasi, "?q=%22pasar+ikan%22", r => r.GetProperty("total").GetInt32() == 1);
                var id = search.GetProperty("items")[0].GetProperty("id").GetGuid();
                Assert.Equal(HttpStatusCode.OK, (await kasi.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf")).StatusCode);
                Assert.True((await kasi.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/history/verify")).GetProperty("intact").GetBoolean());
            }

            // The runtime role cannot drop the triggers, truncate or alter the tables, nor rewrite a row.
            foreach (var sql in new[]
            {
                "DROP TRIGGER archive_records_immutable ON archive_records",
                "DROP TRIGGER editorial_history_immutable ON editorial_history",
                "DROP TRIGGER audit_entries_immutable ON audit_entries",
                "TRUNCATE archive_records",
                "TRUNCATE archive_snapshots",
                "TRUNCATE audit_entries",
                "TRUNCATE editorial_history",
                "ALTER TABLE archive_records ADD COLUMN palsu integer",
                "ALTER TABLE archive_snapshots DISABLE TRIGGER ALL",
                "CREATE TABLE public.palsu (id integer)",
            })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(runtimeConnection, sql));
                Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
            }

            foreach (var (sql, message) in new[]
            {
                ("DELETE FROM archive_records", "Arsip tidak dapat"),
                ("UPDATE archive_snapshots SET \"Json\" = '{}'", "Arsip tidak dapat"),
                ("DELETE FROM audit_entries", "Log audit tidak dapat"),
                ("UPDATE editorial_history SET \"Note\" = 'palsu'", "Buku agenda tidak dapat"),
            })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(runtimeConnection, sql));
                Assert.Contains(message, refused.MessageText, StringComparison.Ordinal);
            }

            // Even the owner cannot truncate them: a statement-level trigger refuses TRUNCATE.
            foreach (var (table, message) in new[]
            {
                ("archive_records", "Arsip tidak dapat"),
                ("archive_snapshots", "Arsip tidak dapat"),
                ("audit_entries", "Log audit tidak dapat"),
                ("editorial_history", "Buku agenda tidak dapat"),
            })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(ownerConnection, $"TRUNCATE {table}"));
                Assert.Contains(message, refused.MessageText, StringComparison.Ordinal);
            }

            Assert.NotEqual("0", await ScalarAsync(runtimeConnection, "SELECT count(*)::text FROM archive_records"));
        }
        finally
        {
            await database.DisposeAsync();
            await RunAsync(server, $"DROP ROLE IF EXISTS {runtime}", $"DROP ROLE IF EXISTS {owner}");
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task RunAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
