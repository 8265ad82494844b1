using Diskominfo.Newsroom.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Notifications.Services;

/// <summary>A user's notifications.</summary>
internal sealed class Inbox(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<InboxEntry>> ListAsync(string userId, int take, CancellationToken cancellationToken)
        => await db.Inbox.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Id)
            .Take(take)
            .Select(n => new InboxEntry(n.Id, n.ItemId, n.Reason, n.Message, n.CreatedAt, n.ReadAt != null, n.Link ?? "/admin/naskah/" + n.ItemId))
            .ToListAsync(cancellationToken);

    public Task<int> UnreadAsync(string userId, CancellationToken cancellationToken)
        => db.Inbox.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Inbox.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}

public sealed record InboxEntry(long Id, Guid ItemId, string Reason, string Message, DateTimeOffset At, bool Read, string Link);
