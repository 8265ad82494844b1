using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>Creates a module context for <c>dotnet ef migrations add</c> without starting the site.</summary>
public static class DesignTimeContextFactory
{
    public static TContext Create<TContext>(DatabaseProvider provider, Func<DbContextOptions<TContext>, NewsroomDatabase, TContext> create, string module)
        where TContext : DbContext
    {
        var options = new NewsroomDatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Postgres ? "Host=localhost;Database=design" : "Data Source=design.db",
        };
        var database = new NewsroomDatabase(Options.Create(options));
        var builder = new DbContextOptionsBuilder<TContext>();
        var historyTable = $"__{module}_migrations";
        if (provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(database.Connection, o => o.MigrationsHistoryTable(historyTable));
        }
        else
        {
            builder.UseSqlite(database.Connection, o => o.MigrationsHistoryTable(historyTable));
        }

        return create(builder.Options, database);
    }
}
