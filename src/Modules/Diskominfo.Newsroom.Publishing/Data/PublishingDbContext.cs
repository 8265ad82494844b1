using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Data;

/// <summary>The Publishing module's tables, prefixed <c>publishing_</c>.</summary>
internal abstract class PublishingDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<PublicationAttempt> Attempts => Set<PublicationAttempt>();

    public DbSet<ChannelConnection> Channels => Set<ChannelConnection>();

    public DbSet<CaptionOverride> Captions => Set<CaptionOverride>();

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
            b.Property(p => p.LeaseOwner).HasMaxLength(200);
            b.Property(p => p.RemoteId).HasMaxLength(100);
            b.Property(p => p.Url).HasMaxLength(500);
            b.Property(p => p.LastError).HasMaxLength(2000);
            b.Ignore(p => p.IsFinished);
        });
        modelBuilder.Entity<PublicationAttempt>(b =>
        {
            b.ToTable("publishing_attempts");
            b.HasKey(a => a.Id);
            b.HasIndex(a => a.PublicationId);
            b.Property(a => a.Outcome).HasMaxLength(20).IsRequired();
            b.Property(a => a.Request).HasMaxLength(2000);
            b.Property(a => a.RemoteId).HasMaxLength(100);
            b.Property(a => a.ErrorCode).HasMaxLength(40);
            b.Property(a => a.Message).HasMaxLength(2000);
        });
        modelBuilder.Entity<ChannelConnection>(b =>
        {
            b.ToTable("publishing_channels");
            b.HasKey(c => c.Channel);
            b.Property(c => c.Channel).HasMaxLength(20);
            b.Property(c => c.TargetId).HasMaxLength(100).IsRequired();
            b.Property(c => c.ProtectedToken).HasMaxLength(4000).IsRequired();
            b.Property(c => c.TokenHint).HasMaxLength(10).IsRequired();
            b.Property(c => c.GraphBaseUrl).HasMaxLength(300).IsRequired();
            b.Property(c => c.Status).HasMaxLength(20).IsRequired();
            b.Property(c => c.StatusNote).HasMaxLength(1000);
            b.Property(c => c.AccountName).HasMaxLength(200);
            b.Property(c => c.UpdatedBy).HasMaxLength(100).IsRequired();
        });
        modelBuilder.Entity<CaptionOverride>(b =>
        {
            b.ToTable("publishing_captions");
            b.HasKey(c => new { c.ItemId, c.Channel });
            b.Property(c => c.Channel).HasMaxLength(20);
            b.Property(c => c.Text).HasMaxLength(5000).IsRequired();
            b.Property(c => c.UpdatedBy).HasMaxLength(100).IsRequired();
        });
    }
}

internal sealed class SqlitePublishingDbContext(DbContextOptions<SqlitePublishingDbContext> options, NewsroomDatabase database)
    : PublishingDbContext(options, database);

internal sealed class PostgresPublishingDbContext(DbContextOptions<PostgresPublishingDbContext> options, NewsroomDatabase database)
    : PublishingDbContext(options, database);
