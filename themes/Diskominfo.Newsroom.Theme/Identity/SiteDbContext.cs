using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Theme.Identity;

/// <summary>The site's own table, prefixed <c>site_</c>: the regency's identity, one row.</summary>
internal abstract class SiteDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<SiteIdentityRecord> Identity => Set<SiteIdentityRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<SiteIdentityRecord>(b =>
        {
            b.ToTable("site_identity");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Name).HasMaxLength(100).IsRequired();
            b.Property(i => i.Publisher).HasMaxLength(200).IsRequired();
            b.Property(i => i.Address).HasMaxLength(300);
            b.Property(i => i.Phone).HasMaxLength(40);
            b.Property(i => i.Email).HasMaxLength(200);
            b.Property(i => i.Facebook).HasMaxLength(300);
            b.Property(i => i.Instagram).HasMaxLength(300);
            b.Property(i => i.YouTube).HasMaxLength(300);
            b.Property(i => i.BrandColor).HasMaxLength(7).IsRequired();
            b.Property(i => i.UpdatedBy).HasMaxLength(64);
        });
}

internal sealed class SqliteSiteDbContext(DbContextOptions<SqliteSiteDbContext> options, NewsroomDatabase database) : SiteDbContext(options, database);

internal sealed class PostgresSiteDbContext(DbContextOptions<PostgresSiteDbContext> options, NewsroomDatabase database) : SiteDbContext(options, database);

internal sealed class SqliteSiteDesignFactory : IDesignTimeDbContextFactory<SqliteSiteDbContext>
{
    public SqliteSiteDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteSiteDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), ThemeModule.Name);
}

internal sealed class PostgresSiteDesignFactory : IDesignTimeDbContextFactory<PostgresSiteDbContext>
{
    public PostgresSiteDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresSiteDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), ThemeModule.Name);
}

/// <summary>The stored identity (row 1). Absent until an admin first saves it; configuration gives the defaults.</summary>
internal sealed class SiteIdentityRecord
{
    public int Id { get; set; } = 1;

    public string Name { get; set; } = "";

    public string Publisher { get; set; } = "";

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Facebook { get; set; }

    public string? Instagram { get; set; }

    public string? YouTube { get; set; }

    public string BrandColor { get; set; } = SiteIdentity.DefaultBrandColor;

    public byte[]? Logo { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
