using Diskominfo.Newsroom.Calendar.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Calendar.Data;

/// <summary>The Calendar module's table, <c>calendar_feed_tokens</c>: the per-person feed addresses (hashes only).</summary>
internal abstract class CalendarDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FeedToken>(b =>
        {
            b.ToTable("calendar_feed_tokens");
            b.HasKey(t => t.Id);
            b.Property(t => t.UserId).HasMaxLength(64).IsRequired();
            b.Property(t => t.Hash).HasMaxLength(64).IsRequired();
            b.Property(t => t.Hint).HasMaxLength(8).IsRequired();
            b.HasIndex(t => t.Hash).IsUnique();
            b.HasIndex(t => t.UserId);
        });
    }
}

internal sealed class SqliteCalendarDbContext(DbContextOptions<SqliteCalendarDbContext> options, NewsroomDatabase database)
    : CalendarDbContext(options, database);

internal sealed class PostgresCalendarDbContext(DbContextOptions<PostgresCalendarDbContext> options, NewsroomDatabase database)
    : CalendarDbContext(options, database);
