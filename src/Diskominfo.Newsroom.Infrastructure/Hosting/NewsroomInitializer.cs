using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Keys;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// Runs before anything else starts: checks the keys folder, creates the data folder, migrates every module's tables
/// (or, when <c>Newsroom:Database:MigrateAtStart</c> is off, refuses to start while a migration is pending), then runs
/// the modules' start-up tasks. Registered first, so the job server starts after it.
/// </summary>
public sealed partial class NewsroomInitializer(
    IServiceScopeFactory scopes,
    IEnumerable<IModuleMigration> migrations,
    IEnumerable<IStartupTask> tasks,
    IOptions<DataDirectoryOptions> dataDir,
    IOptions<NewsroomDatabaseOptions> database,
    ISecretKeys keys,
    ILogger<NewsroomInitializer> logger) : IHostedService
{
    /// <summary>The command that brings the tables up to date as the tables' owner: <c>dotnet Diskominfo.Newsroom.dll migrate</c>.</summary>
    public const string MigrateCommand = "migrate";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        PrepareKeys();
        await MigrateAsync(cancellationToken);
        foreach (var task in tasks.OrderBy(t => t.Order))
        {
            await using var scope = scopes.CreateAsyncScope();
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    /// <summary>
    /// Brings the tables up to date with the site's own connection, or, when the site does not migrate at start,
    /// checks that nothing is pending (a role that may only read and write rows cannot migrate).
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (database.Value.MigrateAtStart)
        {
            await MigrateAsync(database.Value.ConnectionString, cancellationToken);
            return;
        }

        var pending = new List<string>();
        foreach (var migration in migrations)
        {
            await using var scope = scopes.CreateAsyncScope();
            pending.AddRange((await migration.PendingAsync(scope.ServiceProvider, cancellationToken)).Select(m => $"{migration.Module}: {m}"));
        }

        if (pending.Count > 0)
        {
            LogPending(logger, pending.Count);
            throw new StartupRefusedException(
                $"Situs tidak dijalankan: basis data belum diperbarui ({pending.Count} migrasi tertunda, mis. {pending[0]}). Jalankan dahulu " +
                $"'dotnet run --project src/Diskominfo.Newsroom -- migrate' (ConnectionStrings:NewsroomMigrations, pemilik tabel). " +
                $"The site will not start: {pending.Count} database migrations are pending; run the migrate command first.");
        }
    }

    /// <summary>The <c>migrate</c> command: every module's migrations with <c>ConnectionStrings:NewsroomMigrations</c>; 0 when done.</summary>
    public async Task<int> MigrateCommandAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        PrepareKeys();
        await MigrateAsync(database.Value.MigrationsConnectionString, cancellationToken);
        await output.WriteLineAsync($"Basis data diperbarui: {migrations.Count()} modul. Database migrated.");
        return 0;
    }

    private async Task MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDir.Value.Path);
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var migration in migrations)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<NewsroomDatabase>().UseConnectionString(connectionString);
            await migration.MigrateAsync(scope.ServiceProvider, cancellationToken);
            LogMigrated(logger, migration.Module);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Checks the keys folder (a refusal stops the start here) and makes the secret keys before anything uses them.</summary>
    private void PrepareKeys()
    {
        keys.EnsureReady();
        foreach (var name in SecretKeyNames.All)
        {
            keys.Get(name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database tables of module {Module} are up to date")]
    private static partial void LogMigrated(ILogger logger, string module);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Not starting: {Count} database migrations are pending and Newsroom:Database:MigrateAtStart is off")]
    private static partial void LogPending(ILogger logger, int count);
}
