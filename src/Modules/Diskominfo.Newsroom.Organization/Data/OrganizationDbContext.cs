using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Organization.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Organization.Data;

/// <summary>The Organization module's tables, prefixed <c>organization_</c>.</summary>
internal abstract class OrganizationDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Delegation> Delegations => Set<Delegation>();

    public DbSet<OfficeHours> OfficeHours => Set<OfficeHours>();

    public DbSet<DayOff> DaysOff => Set<DayOff>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Section>(b =>
        {
            b.ToTable("organization_sections");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.Kind).HasMaxLength(10).IsRequired();
            b.Property(s => s.Name).HasMaxLength(Section.NameMaxLength).IsRequired();
            b.Property(s => s.Code).HasMaxLength(Section.CodeMaxLength);
            b.HasIndex(s => s.ParentId);
            b.Ignore(s => s.IsBidang);
            b.Ignore(s => s.IsSeksi);
            b.Ignore(s => s.FullName);
        });
        modelBuilder.Entity<Delegation>(b =>
        {
            b.ToTable("organization_delegations");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.Kind).HasMaxLength(10).IsRequired();
            b.Property(d => d.Role).HasMaxLength(20).IsRequired();
            b.Property(d => d.DelegateUserId).HasMaxLength(64).IsRequired();
            b.Property(d => d.DelegateName).HasMaxLength(200).IsRequired();
            b.Property(d => d.Reference).HasMaxLength(Delegation.ReferenceMaxLength).IsRequired();
            b.Property(d => d.CreatedById).HasMaxLength(64).IsRequired();
            b.Property(d => d.CreatedByName).HasMaxLength(200).IsRequired();
            b.Property(d => d.RevokedById).HasMaxLength(64);
            b.Property(d => d.RevokedByName).HasMaxLength(200);
            b.HasIndex(d => d.DelegateUserId);
            b.HasIndex(d => new { d.Role, d.ScopeId });
        });
        modelBuilder.Entity<OfficeHours>(b =>
        {
            b.ToTable("organization_office_hours");
            b.HasKey(h => h.Id);
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.WorkingDays).HasMaxLength(20).IsRequired();
            b.Property(h => h.TimeZone).HasMaxLength(64).IsRequired();
            b.Property(h => h.UpdatedBy).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<DayOff>(b =>
        {
            b.ToTable("organization_days_off");
            b.HasKey(d => d.Date);
            b.Property(d => d.Name).HasMaxLength(DayOff.NameMaxLength).IsRequired();
            b.Property(d => d.Kind).HasMaxLength(20).IsRequired();
            b.Property(d => d.UpdatedBy).HasMaxLength(200).IsRequired();
        });
    }
}

internal sealed class SqliteOrganizationDbContext(DbContextOptions<SqliteOrganizationDbContext> options, NewsroomDatabase database)
    : OrganizationDbContext(options, database);

internal sealed class PostgresOrganizationDbContext(DbContextOptions<PostgresOrganizationDbContext> options, NewsroomDatabase database)
    : OrganizationDbContext(options, database);
