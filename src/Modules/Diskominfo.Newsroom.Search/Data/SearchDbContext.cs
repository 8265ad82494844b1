using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Search.Data;

/// <summary>
/// The Search module's one table, <c>search_changes</c>: which item changed, written in the transaction of the
/// change. Each node's index reads it from its own cursor, so no change is missed across restarts or nodes.
/// </summary>
internal abstract class SearchDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<SearchChange> Changes => Set<SearchChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SearchChange>(b =>
        {
            b.ToTable("search_changes");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedOnAdd();
            b.HasIndex(c => c.At);
        });
    }
}

internal sealed class SearchChange
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    /// <summary>When the change was written (UTC ticks, so both databases compare and order it natively).</summary>
    public long At { get; set; }
}

internal sealed class SqliteSearchDbContext(DbContextOptions<SqliteSearchDbContext> options, NewsroomDatabase database)
    : SearchDbContext(options, database);

internal sealed class PostgresSearchDbContext(DbContextOptions<PostgresSearchDbContext> options, NewsroomDatabase database)
    : SearchDbContext(options, database);
