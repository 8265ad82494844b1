using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Notifications.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Notifications.Data;

/// <summary>The Notifications module's tables, prefixed <c>notifications_</c>.</summary>
internal abstract class NotificationsDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public DbSet<Notification> Inbox => Set<Notification>();

    public DbSet<OutgoingMail> Outbox => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("notifications_inbox");
            b.HasKey(n => n.Id);
            b.HasIndex(n => new { n.UserId, n.ReadAt });
            b.Property(n => n.UserId).HasMaxLength(64).IsRequired();
            b.Property(n => n.Reason).HasMaxLength(40).IsRequired();
            b.Property(n => n.Message).HasMaxLength(1000).IsRequired();
            b.Property(n => n.Link).HasMaxLength(300);
        });
        modelBuilder.Entity<OutgoingMail>(b =>
        {
            b.ToTable("notifications_outbox");
            b.HasKey(m => m.Id);
            b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            b.Property(m => m.To).HasMaxLength(256).IsRequired();
            b.Property(m => m.ToName).HasMaxLength(200).IsRequired();
            b.Property(m => m.Subject).HasMaxLength(300).IsRequired();
            b.Property(m => m.Body).HasMaxLength(8000).IsRequired();
            b.Property(m => m.LastError).HasMaxLength(1000);
        });
    }
}

internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options, NewsroomDatabase database)
    : NotificationsDbContext(options, database);

internal sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options, NewsroomDatabase database)
    : NotificationsDbContext(options, database);
