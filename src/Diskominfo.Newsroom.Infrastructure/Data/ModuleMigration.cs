using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Data;

internal sealed class ModuleMigration<TContext>(string module) : IModuleMigration
    where TContext : DbContext
{
    public string Module => module;

    /// <summary>The module's own migrations history table.</summary>
    public static string HistoryTable(string module) => $"__{module}_migrations";

    public async Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var database = scopedServices.GetRequiredService<TContext>().Database;

        // The history table first: EF Core on PostgreSQL otherwise finds out that it is missing by reading it, and logs
        // that read as a failed command on every new database (npgsql/efcore.pg#3407), an error an operator would chase.
        if (!await HistoryExistsAsync(database, cancellationToken))
        {
            await database.ExecuteSqlRawAsync(database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }

        await database.MigrateAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PendingAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
        => [.. await scopedServices.GetRequiredService<TContext>().Database.GetPendingMigrationsAsync(cancellationToken)];

    public async Task<IReadOnlyList<string>> UnknownAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var database = scopedServices.GetRequiredService<TContext>().Database;
        if (!await HistoryExistsAsync(database, cancellationToken))
        {
            return [];
        }

        var known = database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return [.. (await database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id))];
    }

    /// <summary>Asked of the catalog, never by reading the table (which logs a failed command when it is missing).</summary>
    private async Task<bool> HistoryExistsAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var sql = database.IsNpgsql()
            ? "SELECT to_regclass({0}) IS NOT NULL AS \"Value\""
            : "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = {0}) AS \"Value\"";
        return await database.SqlQueryRaw<bool>(sql, HistoryTable(module)).SingleAsync(cancellationToken);
    }

    public bool HasPendingModelChanges(IServiceProvider scopedServices)
        => scopedServices.GetRequiredService<TContext>().Database.HasPendingModelChanges();

    public IReadOnlyList<string> Known(IServiceProvider scopedServices)
        => [.. scopedServices.GetRequiredService<TContext>().Database.GetMigrations()];
}
