using Diskominfo.Newsroom.Coordination.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coordination.Data;

/// <summary>The Coordination module's tables, prefixed <c>coordination_</c>. (Year, Sequence) is unique: agenda numbers are never given twice.</summary>
internal abstract class CoordinationDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<ActivityEntry> Entries => Set<ActivityEntry>();

    public DbSet<StandardSetting> Standards => Set<StandardSetting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Activity>(b =>
        {
            b.ToTable("coordination_activities");
            b.HasKey(a => a.Id);
            b.HasIndex(a => new { a.Year, a.Sequence }).IsUnique();
            b.HasIndex(a => a.AgendaNumber).IsUnique();
            b.HasIndex(a => new { a.Status, a.Start });
            b.HasIndex(a => a.Start);
            b.Property(a => a.AgendaNumber).HasMaxLength(40).IsRequired();
            b.Property(a => a.Title).HasMaxLength(ActivityLimits.Title).IsRequired();
            b.Property(a => a.Organizer).HasMaxLength(ActivityLimits.Organizer).IsRequired();
            b.Property(a => a.Place).HasMaxLength(ActivityLimits.Place).IsRequired();
            b.Property(a => a.Contact).HasMaxLength(ActivityLimits.Contact);
            b.Property(a => a.LetterNumber).HasMaxLength(ActivityLimits.LetterNumber).IsRequired();
            b.Property(a => a.RegisteredById).HasMaxLength(64).IsRequired();
            b.Property(a => a.RegisteredByName).HasMaxLength(200).IsRequired();
            b.Property(a => a.Status).HasMaxLength(20).IsRequired();
            b.Property(a => a.LetterPath).HasMaxLength(300).IsRequired();
            b.Property(a => a.LetterContentType).HasMaxLength(100).IsRequired();
            b.Property(a => a.LetterFileName).HasMaxLength(ActivityLimits.FileName).IsRequired();
            b.Property(a => a.LetterSha256).HasMaxLength(64).IsRequired();
            b.HasMany(a => a.Trail).WithOne().HasForeignKey(e => e.ActivityId);
        });
        modelBuilder.Entity<ActivityEntry>(b =>
        {
            b.ToTable("coordination_activity_trail");
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.ActivityId, e.Sequence }).IsUnique();
            b.Property(e => e.Action).HasMaxLength(20).IsRequired();
            b.Property(e => e.FromStatus).HasMaxLength(20);
            b.Property(e => e.ToStatus).HasMaxLength(20).IsRequired();
            b.Property(e => e.Role).HasMaxLength(20);
            b.Property(e => e.ActorId).HasMaxLength(64).IsRequired();
            b.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
            b.Property(e => e.ActingAs).HasMaxLength(400);
            b.Property(e => e.Note).HasMaxLength(ActivityLimits.Note);
        });
        modelBuilder.Entity<StandardSetting>(b =>
        {
            b.ToTable("coordination_standards");
            b.HasKey(s => s.Step);
            b.Property(s => s.Step).HasMaxLength(20);
            b.Property(s => s.Unit).HasMaxLength(10).IsRequired();
            b.Property(s => s.UpdatedBy).HasMaxLength(200).IsRequired();
        });
    }
}

internal sealed class SqliteCoordinationDbContext(DbContextOptions<SqliteCoordinationDbContext> options, NewsroomDatabase database)
    : CoordinationDbContext(options, database);

internal sealed class PostgresCoordinationDbContext(DbContextOptions<PostgresCoordinationDbContext> options, NewsroomDatabase database)
    : CoordinationDbContext(options, database);
