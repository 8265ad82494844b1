using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Data;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's DbContext: <typeparamref name="TContext"/> resolves to the SQLite or the
    /// PostgreSQL subclass (each with its own migrations), on the scope's shared connection, with a
    /// migrations history table of the module's own.
    /// </summary>
    /// <remarks>
    /// The options are built once (a singleton, without a connection): building them for every context of every
    /// request was a measurable part of a page. Each context is given the scope's connection as it is created
    /// (<see cref="NewsroomDatabase.Enlist"/>). EF Core's check for model changes without a migration is left to a test
    /// (<see cref="IModuleMigration.HasPendingModelChanges"/>): at every start it diffed each module's whole model,
    /// about a third of the time migrating took when nothing was pending.
    /// </remarks>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var historyTable = ModuleMigration<TContext>.HistoryTable(module);
        services.AddDbContext<TSqlite>(
            options => options.UseSqlite(o => o.MigrationsHistoryTable(historyTable)).ConfigureWarnings(NoModelDiffAtStart),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<TPostgres>(
            options => options.UseNpgsql(o => o.MigrationsHistoryTable(historyTable)).ConfigureWarnings(NoModelDiffAtStart),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<TContext>(sp =>
            sp.GetRequiredService<IOptions<NewsroomDatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<TPostgres>()
                : sp.GetRequiredService<TSqlite>());
        services.AddSingleton<IModuleMigration>(new ModuleMigration<TContext>(module));
        return services;
    }

    private static void NoModelDiffAtStart(WarningsConfigurationBuilder warnings)
        => warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
}
