using System.Text.Json;
using Diskominfo.Newsroom.Content.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Diskominfo.Newsroom.Content.Data;

/// <summary>The Content module's tables, prefixed <c>content_</c>.</summary>
internal abstract class ContentDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<ContentItem> Items => Set<ContentItem>();

    public DbSet<ContentVersion> Versions => Set<ContentVersion>();

    public DbSet<Correction> Corrections => Set<Correction>();

    public DbSet<ContentRevision> Revisions => Set<ContentRevision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Correction>(b =>
        {
            b.ToTable("content_corrections");
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.ItemId, c.VersionId }).IsUnique();
            b.Property(c => c.Note).HasMaxLength(1000).IsRequired();
        });
        modelBuilder.Entity<ContentItem>(b =>
        {
            b.ToTable("content_items");
            b.HasKey(i => i.Id);
            b.Property(i => i.ContentType).HasMaxLength(40).IsRequired();
            b.Property(i => i.OwnerId).HasMaxLength(64).IsRequired();
            b.Property(i => i.OwnerName).HasMaxLength(200).IsRequired();
            b.HasIndex(i => i.SectionId);
            b.Property(i => i.Slug).HasMaxLength(120);
            b.HasIndex(i => i.Slug).IsUnique();
            b.Property(i => i.Category).HasMaxLength(40);
            b.Property(i => i.PublishedTitle).HasMaxLength(300);
            b.HasIndex(i => new { i.Category, i.PublishedAt });
            b.HasIndex(i => i.PublishedAt);
            b.HasIndex(i => i.PublishedAt);
            b.HasIndex(i => i.OwnerId);
            b.Property(i => i.Revision).IsConcurrencyToken();
            b.Property(i => i.UpdatedBy).HasMaxLength(64);
            b.Property(i => i.UpdatedByName).HasMaxLength(200);
        });

        var partsComparer = new ValueComparer<ContentParts>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize(Serialize(v)));
        modelBuilder.Entity<ContentVersion>(b =>
        {
            b.ToTable("content_versions");
            b.HasKey(v => v.Id);
            b.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
            b.Property(v => v.Title).HasMaxLength(300).IsRequired();
            b.Property(v => v.ContentHash).HasMaxLength(80).IsRequired();
            b.Property(v => v.CreatedBy).HasMaxLength(64).IsRequired();
            b.Property(v => v.Parts)
                .HasColumnName("parts_json")
                .HasConversion(v => Serialize(v), s => Deserialize(s), partsComparer)
                .IsRequired();
        });
        modelBuilder.Entity<ContentRevision>(b =>
        {
            b.ToTable("content_revisions");
            b.HasKey(r => r.Id);
            b.HasIndex(r => new { r.ItemId, r.Number }).IsUnique();
            b.Property(r => r.Title).HasMaxLength(300).IsRequired();
            b.Property(r => r.ContentHash).HasMaxLength(80).IsRequired();
            b.Property(r => r.SavedBy).HasMaxLength(64).IsRequired();
            b.Property(r => r.SavedByName).HasMaxLength(200).IsRequired();
            b.Property(r => r.Parts)
                .HasColumnName("parts_json")
                .HasConversion(v => Serialize(v), s => Deserialize(s), partsComparer)
                .IsRequired();
        });
    }

    private static string Serialize(ContentParts? parts) => JsonSerializer.Serialize(parts ?? new ContentParts(), Json);

    /// <summary>A version's parts from the JSON this context keeps them as, for reads that bypass the context.</summary>
    internal static ContentParts ReadParts(string json) => Deserialize(json);

    private static ContentParts Deserialize(string json) => JsonSerializer.Deserialize<ContentParts>(json, Json) ?? new ContentParts();
}

internal sealed class SqliteContentDbContext(DbContextOptions<SqliteContentDbContext> options, NewsroomDatabase database)
    : ContentDbContext(options, database);

internal sealed class PostgresContentDbContext(DbContextOptions<PostgresContentDbContext> options, NewsroomDatabase database)
    : ContentDbContext(options, database);
