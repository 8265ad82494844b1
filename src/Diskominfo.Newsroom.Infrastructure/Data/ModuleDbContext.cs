using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>
/// Base of every module's DbContext: joins the scope's shared connection and transaction, and stores
/// <see cref="DateTimeOffset"/> so that SQLite can compare and order it.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    protected ModuleDbContext(DbContextOptions options, NewsroomDatabase database)
        : base(options)
    {
        database.Enlist(this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ApplyProviderConventions(Database, configurationBuilder);
    }

    /// <summary>Shared with DbContexts that cannot derive from this class (Identity's).</summary>
    public static void ApplyProviderConventions(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, ModelConfigurationBuilder builder)
    {
        if (database.IsSqlite())
        {
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
