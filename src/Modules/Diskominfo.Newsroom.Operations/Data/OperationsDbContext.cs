using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Operations.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Operations.Data;

/// <summary>The Operations module's tables: <c>operations_samples</c> (the status page's chart) and <c>operations_sign_in_failures</c>.</summary>
internal abstract class OperationsDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<StatusSample> Samples => Set<StatusSample>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StatusSample>(b =>
        {
            b.ToTable("operations_samples");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedOnAdd();
            b.Property(s => s.Health).HasMaxLength(16).IsRequired();
            b.HasIndex(s => s.At);
        });
        modelBuilder.Entity<SignInFailure>(b =>
        {
            b.ToTable("operations_sign_in_failures");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedOnAdd();
            b.Property(s => s.Reason).HasMaxLength(64).IsRequired();
            b.HasIndex(s => s.At);
        });
    }
}

internal sealed class SqliteOperationsDbContext(DbContextOptions<SqliteOperationsDbContext> options, NewsroomDatabase database)
    : OperationsDbContext(options, database);

internal sealed class PostgresOperationsDbContext(DbContextOptions<PostgresOperationsDbContext> options, NewsroomDatabase database)
    : OperationsDbContext(options, database);
