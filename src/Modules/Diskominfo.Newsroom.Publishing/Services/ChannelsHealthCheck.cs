using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Connections;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// The social channels, as a warning only (the site serves and the website publishes without them): Degraded when a
/// channel is disconnected, rate-limited by Meta, its token expires within a week, or a publication failed for good
/// in the last 24 hours. A channel never connected records dry runs: that is not a fault.
/// </summary>
internal sealed class ChannelsHealthCheck(PublishingDbContext db, TimeProvider clock) : IHealthCheck
{
    public const string Name = "kanal";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        var since = now.AddDays(-1);
        var failed = await db.Publications.AsNoTracking()
            .Where(p => p.Status == PublicationStatuses.Failed && p.CompletedAt >= since)
            .GroupBy(p => p.Channel)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var problems = new List<string>();
        foreach (var channel in channels.OrderBy(c => c.Channel, StringComparer.Ordinal))
        {
            var label = PublicationChannels.Label(channel.Channel);
            if (channel.Status == ChannelStatuses.Disconnected)
            {
                problems.Add($"{label} terputus");
            }
            else if (channel.BlockedUntil > now)
            {
                problems.Add($"{label} dibatasi Meta sampai {Abstractions.Text.IndonesianTime.Short(channel.BlockedUntil.Value)}");
            }
            else if (channel.TokenExpiresAt is { } expires && expires - now < ChannelStatus.ExpiryWarning)
            {
                problems.Add($"token {label} habis {Abstractions.Text.IndonesianTime.Short(expires)}");
            }
        }

        problems.AddRange(failed.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Value} publikasi {PublicationChannels.Label(f.Key)} gagal dalam 24 jam"));
        if (problems.Count > 0)
        {
            return HealthCheckResult.Degraded(string.Join("; ", problems) + ".");
        }

        var connected = channels.Count(c => c.Status == ChannelStatuses.Connected);
        return HealthCheckResult.Healthy(connected == 0
            ? "Kanal media sosial belum disambungkan (uji coba)."
            : $"{connected} kanal media sosial tersambung.");
    }
}
