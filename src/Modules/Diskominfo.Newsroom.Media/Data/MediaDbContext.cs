using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Media.Data;

/// <summary>The Media module's tables, prefixed <c>media_</c>.</summary>
internal abstract class MediaDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<MediaFile> Files => Set<MediaFile>();

    public DbSet<ItemPhotoLink> Links => Set<ItemPhotoLink>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MediaFile>(b =>
        {
            b.ToTable("media_files");
            b.HasKey(f => f.Id);
            b.HasIndex(f => f.ItemId);
            b.Property(f => f.StoragePath).HasMaxLength(300).IsRequired();
            b.Property(f => f.OriginalName).HasMaxLength(300).IsRequired();
            b.Property(f => f.ContentType).HasMaxLength(60).IsRequired();
            b.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
            b.Property(f => f.UploadedBy).HasMaxLength(64).IsRequired();
            b.Property(f => f.Caption).HasMaxLength(1000);
            b.Property(f => f.Credit).HasMaxLength(200);
            b.Property(f => f.AltText).HasMaxLength(500);
            b.Ignore(f => f.Focus);

            // The library lists newest first, a page at a time, for everyone or for one uploader.
            b.HasIndex(f => new { f.UploadedAt, f.Id });
            b.HasIndex(f => new { f.UploadedBy, f.UploadedAt });
        });

        modelBuilder.Entity<ItemPhotoLink>(b =>
        {
            b.ToTable("media_item_photos");
            b.HasKey(l => new { l.ItemId, l.MediaId });
            b.HasIndex(l => l.MediaId);
            b.Property(l => l.LinkedBy).HasMaxLength(64).IsRequired();
        });
    }
}

internal sealed class SqliteMediaDbContext(DbContextOptions<SqliteMediaDbContext> options, NewsroomDatabase database)
    : MediaDbContext(options, database);

internal sealed class PostgresMediaDbContext(DbContextOptions<PostgresMediaDbContext> options, NewsroomDatabase database)
    : MediaDbContext(options, database);
