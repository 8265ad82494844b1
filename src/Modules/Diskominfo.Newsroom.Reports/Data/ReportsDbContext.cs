using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Reports.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Reports.Data;

/// <summary>The Reports module's tables, prefixed <c>reports_</c>.</summary>
internal abstract class ReportsDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<AdventorialBudget> Budgets => Set<AdventorialBudget>();

    public DbSet<ReportRun> Runs => Set<ReportRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdventorialBudget>(b =>
        {
            b.ToTable("reports_adventorial_budgets");
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.Year, x.BudgetLine }).IsUnique();
            b.Property(x => x.BudgetLine).HasMaxLength(200).IsRequired();
            b.Property(x => x.Amount).HasPrecision(18, 2);
            b.Property(x => x.UpdatedBy).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<ReportRun>(b =>
        {
            b.ToTable("reports_runs");
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.Kind, x.Period });
            b.Property(x => x.Kind).HasMaxLength(40).IsRequired();
            b.Property(x => x.Period).HasMaxLength(20).IsRequired();
            b.Property(x => x.ProducedBy).HasMaxLength(200).IsRequired();
            b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        });
    }
}

internal sealed class SqliteReportsDbContext(DbContextOptions<SqliteReportsDbContext> options, NewsroomDatabase database)
    : ReportsDbContext(options, database);

internal sealed class PostgresReportsDbContext(DbContextOptions<PostgresReportsDbContext> options, NewsroomDatabase database)
    : ReportsDbContext(options, database);
