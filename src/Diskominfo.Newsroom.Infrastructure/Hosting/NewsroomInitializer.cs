using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// Runs before anything else starts: creates the data folder, migrates every module's tables, then
/// runs the modules' start-up tasks. Registered first, so the job server starts after it.
/// </summary>
public sealed partial class NewsroomInitializer(
    IServiceScopeFactory scopes,
    IEnumerable<IModuleMigration> migrations,
    IEnumerable<IStartupTask> tasks,
    IOptions<DataDirectoryOptions> dataDir,
    IOptions<NewsroomDatabaseOptions> database,
    ILogger<NewsroomInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        foreach (var task in tasks.OrderBy(t => t.Order))
        {
            await using var scope = scopes.CreateAsyncScope();
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDir.Value.Path);
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(database.Value.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var migration in migrations)
        {
            await using var scope = scopes.CreateAsyncScope();
            await migration.MigrateAsync(scope.ServiceProvider, cancellationToken);
            LogMigrated(logger, migration.Module);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database tables of module {Module} are up to date")]
    private static partial void LogMigrated(ILogger logger, string module);
}
