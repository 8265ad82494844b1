using Diskominfo.Newsroom.Coverage.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coverage.Data;

/// <summary>The Coverage module's tables, prefixed <c>coverage_</c>.</summary>
internal abstract class CoverageDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<AssignmentMember> Members => Set<AssignmentMember>();

    public DbSet<ReportPhoto> Photos => Set<ReportPhoto>();

    public DbSet<AssignmentStep> Steps => Set<AssignmentStep>();

    public DbSet<StandardSetting> Standards => Set<StandardSetting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Assignment>(b =>
        {
            b.ToTable("coverage_assignments");
            b.HasKey(a => a.Id);
            b.HasIndex(a => a.ActivityId);
            b.HasIndex(a => new { a.SectionId, a.Status });
            b.HasIndex(a => a.ApprovedAt);
            b.HasIndex(a => a.PressReleaseId);
            b.Property(a => a.Status).HasMaxLength(20).IsRequired();
            b.Property(a => a.DispositionRole).HasMaxLength(20).IsRequired();
            b.Property(a => a.DispositionById).HasMaxLength(64).IsRequired();
            b.Property(a => a.DispositionByName).HasMaxLength(200).IsRequired();
            b.Property(a => a.DispositionNote).HasMaxLength(2000);
            b.Property(a => a.AssignedById).HasMaxLength(64);
            b.Property(a => a.AssignedByName).HasMaxLength(200);
            b.Property(a => a.AssignNote).HasMaxLength(2000);
            b.Property(a => a.ReportText).HasMaxLength(20000);
            b.Property(a => a.VideoUrl).HasMaxLength(500);
            b.Property(a => a.ReportedByName).HasMaxLength(200);
            b.Property(a => a.ForwardedByName).HasMaxLength(200);
            b.Property(a => a.ForwardNote).HasMaxLength(2000);
            b.Property(a => a.ApprovedByName).HasMaxLength(200);
            b.Property(a => a.ApprovalNote).HasMaxLength(2000);
            b.Property(a => a.ReturnedByName).HasMaxLength(200);
            b.Property(a => a.ReturnNote).HasMaxLength(2000);
            b.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(a => a.Photos).WithOne().HasForeignKey(p => p.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AssignmentMember>(b =>
        {
            b.ToTable("coverage_members");
            b.HasKey(m => m.Id);
            b.HasIndex(m => m.UserId);
            b.Property(m => m.UserId).HasMaxLength(64).IsRequired();
            b.Property(m => m.DisplayName).HasMaxLength(200).IsRequired();
            b.Property(m => m.Role).HasMaxLength(20).IsRequired();
        });
        modelBuilder.Entity<ReportPhoto>(b =>
        {
            b.ToTable("coverage_photos");
            b.HasKey(p => p.Id);
            b.Property(p => p.StoragePath).HasMaxLength(300).IsRequired();
            b.Property(p => p.OriginalName).HasMaxLength(260).IsRequired();
            b.Property(p => p.ContentType).HasMaxLength(50).IsRequired();
            b.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
            b.Property(p => p.UploadedById).HasMaxLength(64).IsRequired();
            b.Property(p => p.UploadedByName).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<AssignmentStep>(b =>
        {
            b.ToTable("coverage_steps");
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.AssignmentId, s.Step });
            b.HasIndex(s => s.Start);
            b.Property(s => s.Step).HasMaxLength(20).IsRequired();
        });
        modelBuilder.Entity<StandardSetting>(b =>
        {
            b.ToTable("coverage_standards");
            b.HasKey(s => s.Step);
            b.Property(s => s.Step).HasMaxLength(20);
            b.Property(s => s.Unit).HasMaxLength(10).IsRequired();
        });
    }
}

internal sealed class SqliteCoverageDbContext(DbContextOptions<SqliteCoverageDbContext> options, NewsroomDatabase database)
    : CoverageDbContext(options, database);

internal sealed class PostgresCoverageDbContext(DbContextOptions<PostgresCoverageDbContext> options, NewsroomDatabase database)
    : CoverageDbContext(options, database);
