using Diskominfo.Newsroom.Backup.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Backup.Data;

/// <summary>The Backup module's table, <c>backup_runs</c>: the record of every backup run.</summary>
internal abstract class BackupDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public const int DirectoryLength = 1000;
    public const int ErrorLength = 2000;

    public DbSet<BackupRun> Runs => Set<BackupRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BackupRun>(b =>
        {
            b.ToTable("backup_runs");
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.StartedAt);
            b.HasIndex(r => new { r.Succeeded, r.StartedAt });
            b.Property(r => r.Directory).HasMaxLength(DirectoryLength).IsRequired();
            b.Property(r => r.Error).HasMaxLength(ErrorLength);
        });
    }
}

internal sealed class SqliteBackupDbContext(DbContextOptions<SqliteBackupDbContext> options, NewsroomDatabase database)
    : BackupDbContext(options, database);

internal sealed class PostgresBackupDbContext(DbContextOptions<PostgresBackupDbContext> options, NewsroomDatabase database)
    : BackupDbContext(options, database);
