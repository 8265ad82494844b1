using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Connections;

/// <summary>
/// A channel's state while it publishes: a token Meta refuses disconnects it (its publications held, the admins told
/// once); a rate limit blocks it for a while; an expiring token is announced a week ahead; a channel that works again
/// releases what was held.
/// </summary>
internal sealed class ChannelStatus(PublishingDbContext db, IEventPublisher events, PublicationQueue queue, TimeProvider clock)
{
    /// <summary>The admins are told this long before a token expires.</summary>
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(7);

    public Task<ChannelConnection?> FindAsync(string channel, CancellationToken cancellationToken)
        => db.Channels.SingleOrDefaultAsync(c => c.Channel == channel, cancellationToken);

    /// <summary>
    /// Meta refused the token (in a publication job's transaction): the channel stops, and the admins are told once.
    /// </summary>
    public async Task MarkDisconnectedAsync(string channel, string reason, CancellationToken cancellationToken)
    {
        var connection = await FindAsync(channel, cancellationToken);
        if (connection is null || connection.Status == ChannelStatuses.Disconnected)
        {
            return;
        }

        var now = clock.GetUtcNow();
        connection.Status = ChannelStatuses.Disconnected;
        connection.StatusNote = reason;
        connection.CheckedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ChannelAttentionNeeded(
            channel,
            $"Kanal {PublicationChannels.Label(channel)} terputus: {reason} Publikasi ke kanal ini ditahan (tidak hilang, tidak dihitung gagal) sampai kanal disambungkan ulang.",
            ChannelDirectory.SettingsPath,
            now), cancellationToken);
    }

    /// <summary>Meta rate-limited the channel: no calls to it before <paramref name="until"/>.</summary>
    public async Task BlockAsync(string channel, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await db.Channels.Where(c => c.Channel == channel && (c.BlockedUntil == null || c.BlockedUntil < until))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BlockedUntil, until), cancellationToken);
    }

    /// <summary>Tells the admins, once per token, that a token expires within <see cref="ExpiryWarning"/>.</summary>
    public async Task WarnExpiringAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limit = now + ExpiryWarning;
        var expiring = await db.Channels
            .Where(c => c.Status == ChannelStatuses.Connected && c.ExpiryWarnedAt == null && c.TokenExpiresAt != null && c.TokenExpiresAt < limit)
            .ToListAsync(cancellationToken);
        foreach (var connection in expiring)
        {
            connection.ExpiryWarnedAt = now;
            await events.PublishAsync(new ChannelAttentionNeeded(
                connection.Channel,
                $"Token kanal {PublicationChannels.Label(connection.Channel)} berakhir {IndonesianTime.Short(connection.TokenExpiresAt!.Value)}. Perbarui token sebelum itu agar publikasi tidak tertahan.",
                ChannelDirectory.SettingsPath,
                now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Publications held while the channel was disconnected go back to the job server, their attempts untouched.</summary>
    public async Task ReleaseHeldAsync(string channel, CancellationToken cancellationToken)
    {
        var held = await db.Publications.Where(p => p.Channel == channel && p.Status == PublicationStatuses.Held).ToListAsync(cancellationToken);
        foreach (var publication in held)
        {
            publication.Status = PublicationStatuses.Pending;
            publication.NextAttemptAt = null;
            publication.LastError = "Kanal tersambung kembali; publikasi dilanjutkan.";
            await queue.EnqueueAsync(publication.Id, publication.Channel);
        }
    }
}
