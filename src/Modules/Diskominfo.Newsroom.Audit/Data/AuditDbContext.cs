using Diskominfo.Newsroom.Audit.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Audit.Data;

/// <summary>The Audit module's table, <c>audit_entries</c>: append-only (database triggers refuse UPDATE and DELETE).</summary>
internal abstract class AuditDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(e => e.Id);
            b.HasIndex(e => e.At);
            b.HasIndex(e => new { e.ActorId, e.At });
            b.HasIndex(e => new { e.Action, e.At });
            b.Property(e => e.ActorId).HasMaxLength(AuditLimits.Id);
            b.Property(e => e.ActorName).HasMaxLength(AuditLimits.Name);
            b.Property(e => e.ActorUserName).HasMaxLength(AuditLimits.Name);
            b.Property(e => e.Address).HasMaxLength(AuditLimits.Address);
            b.Property(e => e.Action).HasMaxLength(AuditLimits.Action).IsRequired();
            b.Property(e => e.TargetType).HasMaxLength(AuditLimits.Action);
            b.Property(e => e.TargetId).HasMaxLength(AuditLimits.Id);
            b.Property(e => e.Summary).HasMaxLength(AuditLimits.Summary).IsRequired();
        });
    }
}

internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options, NewsroomDatabase database)
    : AuditDbContext(options, database);

internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options, NewsroomDatabase database)
    : AuditDbContext(options, database);
