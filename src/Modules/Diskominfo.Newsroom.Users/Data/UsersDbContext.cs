using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Users.Data;

/// <summary>Identity's tables, prefixed <c>users_</c>.</summary>
public abstract class UsersDbContext : IdentityDbContext<NewsroomUser>
{
    protected UsersDbContext(DbContextOptions options, NewsroomDatabase database)
        : base(options)
    {
        database.Enlist(this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => ModuleDbContext.ApplyProviderConventions(Database, configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<NewsroomUser>(b =>
        {
            b.ToTable("users_accounts");
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.Property(u => u.Nip).HasMaxLength(18);
            b.Property(u => u.PhotoCredit).HasMaxLength(200);
            b.HasIndex(u => u.SectionId);
        });
        builder.Entity<IdentityRole>().ToTable("users_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("users_account_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("users_account_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("users_account_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("users_account_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("users_role_claims");
    }
}

internal sealed class SqliteUsersDbContext(DbContextOptions<SqliteUsersDbContext> options, NewsroomDatabase database)
    : UsersDbContext(options, database);

internal sealed class PostgresUsersDbContext(DbContextOptions<PostgresUsersDbContext> options, NewsroomDatabase database)
    : UsersDbContext(options, database);
