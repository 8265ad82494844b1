using Microsoft.EntityFrameworkCore;
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
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var historyTable = ModuleMigration<TContext>.HistoryTable(module);
        services.AddDbContext<TSqlite>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<NewsroomDatabase>().Connection, o => o.MigrationsHistoryTable(historyTable)));
        services.AddDbContext<TPostgres>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<NewsroomDatabase>().Connection, o => o.MigrationsHistoryTable(historyTable)));
        services.AddScoped<TContext>(sp =>
            sp.GetRequiredService<IOptions<NewsroomDatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<TPostgres>()
                : sp.GetRequiredService<TSqlite>());
        services.AddSingleton<IModuleMigration>(new ModuleMigration<TContext>(module));
        return services;
    }
}
