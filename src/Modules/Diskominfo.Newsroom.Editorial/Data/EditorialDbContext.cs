using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Data;

/// <summary>The Editorial module's tables, prefixed <c>editorial_</c>.</summary>
internal abstract class EditorialDbContext(DbContextOptions options, NewsroomDatabase database, HistoryChain chain) : ModuleDbContext(options, database)
{
    public DbSet<Workflow> Workflows => Set<Workflow>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    public DbSet<ChainSetting> Chains => Set<ChainSetting>();

    public DbSet<Disposition> Dispositions => Set<Disposition>();

    public DbSet<StepStandard> Standards => Set<StepStandard>();

    public DbSet<ReturnSetting> ReturnSettings => Set<ReturnSetting>();

    public DbSet<ChecklistSetting> Checklists => Set<ChecklistSetting>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        SealHistory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SealHistory();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>New entries of the buku agenda are linked and hashed with the chain's key as they are saved, in order, after their workflow's head.</summary>
    private void SealHistory()
    {
        ChangeTracker.DetectChanges();
        var added = ChangeTracker.Entries<HistoryEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var workflows = ChangeTracker.Entries<Workflow>().Select(e => e.Entity).ToDictionary(w => w.ItemId);
        foreach (var group in added.GroupBy(e => e.ItemId))
        {
            var workflow = workflows.GetValueOrDefault(group.Key)
                ?? throw new InvalidOperationException($"A history entry of item {group.Key} is saved without its workflow.");
            chain.Seal(workflow, group);
        }
    }

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
            b.Property(w => w.HeadHash).HasMaxLength(80);
            b.Property(w => w.WriterId).HasMaxLength(64).IsRequired();
            b.Property(w => w.CorrectionNote).HasMaxLength(1000);
            b.HasIndex(w => w.SectionId);
            b.Ignore(w => w.IsCorrection);
            b.Ignore(w => w.ChainRoles);
            b.Ignore(w => w.AwaitingRole);
            b.Ignore(w => w.InReview);
            b.Ignore(w => w.IsLastStep);
            b.HasIndex(w => w.Status);
            b.HasIndex(w => w.EmbargoUntil);
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
            b.Property(h => h.PreviousHash).HasMaxLength(80);
            b.Property(h => h.EntryHash).HasMaxLength(80).IsRequired();
            b.Property(h => h.ActingAs).HasMaxLength(300);
            b.Property(h => h.Reference).HasMaxLength(100);
        });
        modelBuilder.Entity<Disposition>(b =>
        {
            b.ToTable("editorial_dispositions");
            b.HasKey(d => d.ItemId);
            b.HasIndex(d => new { d.Year, d.Number }).IsUnique();
            b.Property(d => d.ContentType).HasMaxLength(40).IsRequired();
            b.Property(d => d.NewsType).HasMaxLength(40);
            b.Ignore(d => d.Label);
        });
        modelBuilder.Entity<ChainSetting>(b =>
        {
            b.ToTable("editorial_chains");
            b.HasKey(c => new { c.ContentType, c.Kind });
            b.Property(c => c.ContentType).HasMaxLength(40);
            b.Property(c => c.Kind).HasMaxLength(20);
            b.Property(c => c.Roles).HasMaxLength(200).IsRequired();
            b.Property(c => c.UpdatedBy).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<StepStandard>(b =>
        {
            b.ToTable("editorial_standards");
            b.HasKey(s => new { s.ContentType, s.Step });
            b.Property(s => s.ContentType).HasMaxLength(40);
            b.Property(s => s.Step).HasMaxLength(40);
            b.Property(s => s.UpdatedBy).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<ReturnSetting>(b =>
        {
            b.ToTable("editorial_return_settings");
            b.HasKey(r => r.ContentType);
            b.Property(r => r.ContentType).HasMaxLength(40);
            b.Property(r => r.ReturnTo).HasMaxLength(20).IsRequired();
            b.Property(r => r.UpdatedBy).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<ChecklistSetting>(b =>
        {
            b.ToTable("editorial_checklists");
            b.HasKey(c => new { c.ContentType, c.Channel });
            b.Property(c => c.ContentType).HasMaxLength(40);
            b.Property(c => c.Channel).HasMaxLength(20);
            b.Property(c => c.Checks).HasMaxLength(400).IsRequired();
            b.Property(c => c.UpdatedBy).HasMaxLength(200).IsRequired();
        });
    }
}

internal sealed class SqliteEditorialDbContext(DbContextOptions<SqliteEditorialDbContext> options, NewsroomDatabase database, HistoryChain chain)
    : EditorialDbContext(options, database, chain);

internal sealed class PostgresEditorialDbContext(DbContextOptions<PostgresEditorialDbContext> options, NewsroomDatabase database, HistoryChain chain)
    : EditorialDbContext(options, database, chain);
