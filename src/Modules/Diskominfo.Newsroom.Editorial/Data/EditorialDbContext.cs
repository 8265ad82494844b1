using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Data;

/// <summary>The Editorial module's tables, prefixed <c>editorial_</c>.</summary>
internal abstract class EditorialDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<Workflow> Workflows => Set<Workflow>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Workflow>(b =>
        {
            b.ToTable("editorial_workflows");
            b.HasKey(w => w.ItemId);
            b.Property(w => w.ContentType).HasMaxLength(40).IsRequired();
            b.Property(w => w.OwnerId).HasMaxLength(64).IsRequired();
            b.Property(w => w.Chain).HasMaxLength(200).IsRequired();
            b.Property(w => w.Status).HasMaxLength(40).IsRequired();
            b.Property(w => w.Revision).IsConcurrencyToken();
            b.Ignore(w => w.ChainRoles);
            b.Ignore(w => w.AwaitingRole);
            b.Ignore(w => w.InReview);
            b.HasIndex(w => w.Status);
            b.HasMany(w => w.History).WithOne().HasForeignKey(h => h.ItemId);
        });
        modelBuilder.Entity<HistoryEntry>(b =>
        {
            b.ToTable("editorial_history");
            b.HasKey(h => h.Id);
            b.HasIndex(h => new { h.ItemId, h.Sequence }).IsUnique();
            b.Property(h => h.Step).HasMaxLength(40).IsRequired();
            b.Property(h => h.Action).HasMaxLength(40).IsRequired();
            b.Property(h => h.ActorId).HasMaxLength(64).IsRequired();
            b.Property(h => h.ActorName).HasMaxLength(200).IsRequired();
            b.Property(h => h.Role).HasMaxLength(40);
            b.Property(h => h.Note).HasMaxLength(4000);
            b.Property(h => h.ContentHash).HasMaxLength(80);
        });
    }
}

internal sealed class SqliteEditorialDbContext(DbContextOptions<SqliteEditorialDbContext> options, NewsroomDatabase database)
    : EditorialDbContext(options, database);

internal sealed class PostgresEditorialDbContext(DbContextOptions<PostgresEditorialDbContext> options, NewsroomDatabase database)
    : EditorialDbContext(options, database);
