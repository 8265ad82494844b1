using Diskominfo.Newsroom.Comments.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Comments.Data;

/// <summary>The Comments module's tables, prefixed <c>comments_</c>.</summary>
internal abstract class CommentsDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<Comment> Comments => Set<Comment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Comment>(b =>
        {
            b.ToTable("comments_item_comments");
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.ItemId, c.CreatedAt });
            b.Property(c => c.AuthorId).HasMaxLength(64).IsRequired();
            b.Property(c => c.AuthorName).HasMaxLength(200).IsRequired();
            b.Property(c => c.Body).HasMaxLength(CommentRules.MaxLength).IsRequired();
            b.Property(c => c.Mentions).HasMaxLength(1000).IsRequired();
            b.Ignore(c => c.MentionList);
        });
    }
}

internal sealed class SqliteCommentsDbContext(DbContextOptions<SqliteCommentsDbContext> options, NewsroomDatabase database)
    : CommentsDbContext(options, database);

internal sealed class PostgresCommentsDbContext(DbContextOptions<PostgresCommentsDbContext> options, NewsroomDatabase database)
    : CommentsDbContext(options, database);
