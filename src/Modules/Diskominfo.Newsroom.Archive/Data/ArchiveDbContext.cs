using Diskominfo.Newsroom.Archive.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Archive.Data;

/// <summary>The Archive module's tables, prefixed <c>archive_</c>. (Year, Sequence) is unique: numbers are never reused.</summary>
internal abstract class ArchiveDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<ArchiveRecord> Records => Set<ArchiveRecord>();

    public DbSet<ArchiveSnapshot> Snapshots => Set<ArchiveSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ArchiveRecord>(b =>
        {
            b.ToTable("archive_records");
            b.HasKey(r => r.ItemId);
            b.HasIndex(r => new { r.Year, r.Sequence }).IsUnique();
            b.HasIndex(r => r.Number).IsUnique();
            b.Property(r => r.ContentType).HasMaxLength(40).IsRequired();
            b.Property(r => r.Number).HasMaxLength(100).IsRequired();
            b.Property(r => r.Classification).HasMaxLength(40).IsRequired();
        });
        modelBuilder.Entity<ArchiveSnapshot>(b =>
        {
            b.ToTable("archive_snapshots");
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.ItemId, s.Round }).IsUnique();
            b.Property(s => s.Json).IsRequired();
            b.Property(s => s.Sha256).HasMaxLength(64).IsRequired();
            b.Property(s => s.Seal).HasMaxLength(100);
        });
    }
}

internal sealed class SqliteArchiveDbContext(DbContextOptions<SqliteArchiveDbContext> options, NewsroomDatabase database)
    : ArchiveDbContext(options, database);

internal sealed class PostgresArchiveDbContext(DbContextOptions<PostgresArchiveDbContext> options, NewsroomDatabase database)
    : ArchiveDbContext(options, database);
