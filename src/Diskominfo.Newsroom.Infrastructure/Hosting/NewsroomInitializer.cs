using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Keys;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// Runs before anything else starts: checks the keys folder, creates the data folder, refuses a database that a newer
/// version has migrated, migrates every module's tables (or, when <c>Newsroom:Database:MigrateAtStart</c> is off, refuses
/// to start while a migration is pending), then runs the modules' start-up tasks. All of it under the
/// <see cref="InitializationLock"/>, so that nodes starting together on one database migrate and seed once. Registered
/// first, so the job server starts after it.
/// </summary>
public sealed partial class NewsroomInitializer(
    IServiceScopeFactory scopes,
    IEnumerable<IModuleMigration> migrations,
    IEnumerable<IStartupTask> tasks,
    IOptions<DataDirectoryOptions> dataDir,
    IOptions<NewsroomDatabaseOptions> database,
    ISecretKeys keys,
    IOptions<KeyStoreOptions> keyStore,
    IKeyManager keyRing,
    TimeProvider clock,
    ILogger<NewsroomInitializer> logger) : IHostedService
{
    /// <summary>The command that brings the tables up to date as the tables' owner: <c>dotnet Diskominfo.Newsroom.dll migrate</c>.</summary>
    public const string MigrateCommand = "migrate";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        PrepareKeys();
        await using var initialization = await LockAsync(database.Value.ConnectionString, cancellationToken);
        await BringUpToDateAsync(cancellationToken);
        if (KeysInDatabase)
        {
            // The keys' tables exist now; under the lock, so that nodes starting together make each key once.
            MakeKeys();
            MakeKeyRing();
        }

        // Seeding reads then inserts (roles, demo accounts, sections): inside the lock, so two nodes never insert the same row.
        foreach (var task in tasks.OrderBy(t => t.Order))
        {
            await using var scope = scopes.CreateAsyncScope();
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    /// <summary>
    /// Brings the tables up to date with the site's own connection, or, when the site does not migrate at start,
    /// checks that nothing is pending (a role that may only read and write rows cannot migrate); under the lock.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var initialization = await LockAsync(database.Value.ConnectionString, cancellationToken);
        await BringUpToDateAsync(cancellationToken);
    }

    private async Task BringUpToDateAsync(CancellationToken cancellationToken)
    {
        await RefuseNewerAsync(database.Value.ConnectionString, "Situs tidak dijalankan", cancellationToken);
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
        var connectionString = database.Value.MigrationsConnectionString;
        await using (await LockAsync(connectionString, cancellationToken))
        {
            await RefuseNewerAsync(connectionString, "Migrasi tidak dijalankan", cancellationToken);
            await MigrateAsync(connectionString, cancellationToken);
        }

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

    /// <summary>Waits for (and takes) the lock that makes one process at a time initialize the database.</summary>
    private Task<InitializationLock> LockAsync(string connectionString, CancellationToken cancellationToken)
    {
        var timeout = database.Value.InitializationLockTimeout;
        return InitializationLock.AcquireAsync(database.Value.Provider, connectionString, timeout, () => LogWaiting(logger, timeout), cancellationToken);
    }

    /// <summary>
    /// Refuses a database that holds a migration this code does not know: a newer version has migrated it, and this
    /// one would misread its tables. Going back means restoring the backup taken before the upgrade.
    /// </summary>
    private async Task RefuseNewerAsync(string connectionString, string refusal, CancellationToken cancellationToken)
    {
        var unknown = new List<string>();
        foreach (var migration in migrations)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<NewsroomDatabase>().UseConnectionString(connectionString);
            unknown.AddRange((await migration.UnknownAsync(scope.ServiceProvider, cancellationToken)).Select(m => $"{migration.Module}: {m}"));
        }

        if (unknown.Count > 0)
        {
            LogNewer(logger, unknown.Count, unknown[0]);
            throw new StartupRefusedException(
                $"{refusal}: basis data lebih baru daripada versi aplikasi ini ({unknown.Count} migrasi tidak dikenal, mis. {unknown[0]}). " +
                $"Basis data ini sudah diperbarui oleh versi yang lebih baru; jalankan versi itu, atau pulihkan cadangan yang dibuat sebelum " +
                $"pembaruan ('restore --from DIR') bila ingin kembali ke versi ini. " +
                $"The database is newer than this code ({unknown.Count} unknown migrations, e.g. {unknown[0]}): run the newer version, " +
                $"or restore the backup taken before the upgrade.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool KeysInDatabase => keyStore.Value.Store == KeyStoreKind.Database;

    /// <summary>
    /// Checks the keys folder or certificate (a refusal stops the start here) and makes the secret keys before anything
    /// uses them; kept in the database, they are made once the tables are up to date.
    /// </summary>
    private void PrepareKeys()
    {
        keys.EnsureReady();
        if (!KeysInDatabase)
        {
            MakeKeys();
        }
    }

    private void MakeKeys()
    {
        foreach (var name in SecretKeyNames.All)
        {
            keys.Get(name);
        }
    }

    /// <summary>
    /// The first Data Protection key of a shared key ring, made by the first node under the initialization lock, so that
    /// nodes starting together do not each make their own.
    /// </summary>
    private void MakeKeyRing()
    {
        var now = clock.GetUtcNow();
        if (!keyRing.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
        {
            keyRing.CreateNewKey(now, now.AddDays(90));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database tables of module {Module} are up to date")]
    private static partial void LogMigrated(ILogger logger, string module);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process is initializing the database; waiting up to {Timeout} for its lock")]
    private static partial void LogWaiting(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Not starting: the database holds {Count} migrations this code does not know (e.g. {Migration}); it is newer than the code")]
    private static partial void LogNewer(ILogger logger, int count, string migration);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Not starting: {Count} database migrations are pending and Newsroom:Database:MigrateAtStart is off")]
    private static partial void LogPending(ILogger logger, int count);
}
