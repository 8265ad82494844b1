using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Data;

/// <summary>The Publishing module's tables, prefixed <c>publishing_</c>.</summary>
internal abstract class PublishingDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<Publication> Publications => Set<Publication>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Publication>(b =>
        {
            b.ToTable("publishing_publications");
            b.HasKey(p => p.Id);
            b.HasIndex(p => new { p.ItemId, p.Channel, p.Round }).IsUnique();
            b.Property(p => p.CorrectionNote).HasMaxLength(1000);
            b.Property(p => p.EditOf).HasMaxLength(100);
            b.Ignore(p => p.IsCorrection);
            b.HasIndex(p => p.Status);
            b.Property(p => p.ContentType).HasMaxLength(40).IsRequired();
            b.Property(p => p.Channel).HasMaxLength(20).IsRequired();
            b.Property(p => p.Status).HasMaxLength(20).IsRequired();
            b.Property(p => p.ContainerId).HasMaxLength(100);
            b.Property(p => p.RemoteId).HasMaxLength(100);
            b.Property(p => p.Url).HasMaxLength(500);
            b.Property(p => p.LastError).HasMaxLength(2000);
            b.Ignore(p => p.IsFinished);
        });
    }
}

internal sealed class SqlitePublishingDbContext(DbContextOptions<SqlitePublishingDbContext> options, NewsroomDatabase database)
    : PublishingDbContext(options, database);

internal sealed class PostgresPublishingDbContext(DbContextOptions<PostgresPublishingDbContext> options, NewsroomDatabase database)
    : PublishingDbContext(options, database);
