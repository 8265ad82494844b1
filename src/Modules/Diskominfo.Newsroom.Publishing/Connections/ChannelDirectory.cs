using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Models;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Connections;

/// <summary>
/// The Facebook Page and the Instagram account as the admin connects them: the form's checks, the overview, connecting,
/// testing and removing (each written to the audit log, the token only as the log masks it), and the credentials given in
/// configuration. Tokens are kept by <see cref="ChannelTokens"/>, tested by <see cref="ChannelProbe"/>; the state while
/// publishing (disconnected, blocked, expiring, held publications) is <see cref="ChannelStatus"/>'s.
/// </summary>
internal sealed class ChannelDirectory(
    PublishingDbContext db,
    NewsroomDatabase database,
    ChannelTokens tokens,
    ChannelProbe probe,
    ChannelStatus status,
    GraphAllowlist allowlist,
    IEventPublisher events,
    IOptions<PublishingOptions> options,
    TimeProvider clock)
{
    public const string SettingsPath = "/admin/pengaturan/kanal";

    public static readonly IReadOnlyList<string> Social = [PublicationChannels.Facebook, PublicationChannels.Instagram];

    public sealed record ConnectRequest(string? TargetId, string? AccessToken, string? GraphBaseUrl);

    public async Task<IReadOnlyList<ChannelOverview>> OverviewAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        var held = await db.Publications.AsNoTracking()
            .Where(p => p.Status == PublicationStatuses.Held)
            .GroupBy(p => p.Channel)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var now = clock.GetUtcNow();
        return Social.Select(channel => Describe(channel, rows.SingleOrDefault(r => r.Channel == channel), held.GetValueOrDefault(channel), now)).ToList();
    }

    /// <summary>Saves the channel's id and token (a blank token keeps the stored one), then tests the connection at once.</summary>
    public async Task<Outcome<ChannelOverview>> ConnectAsync(string channel, ConnectRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (!Social.Contains(channel))
        {
            return Outcome<ChannelOverview>.From(Outcome.NotFound("Kanal tidak dikenal; pilih facebook atau instagram."));
        }

        var connection = await status.FindAsync(channel, cancellationToken);
        var errors = ChannelConnectionForm.Check(channel, request, connection, options.Value.GraphBaseUrl, allowlist, out var targetId, out var token, out var graphBaseUrl);
        if (errors.Count > 0)
        {
            return Outcome<ChannelOverview>.From(Outcome.Invalid(errors, "Sambungan kanal belum dapat disimpan."));
        }

        var now = clock.GetUtcNow();
        var newToken = !string.IsNullOrEmpty(token);
        var before = connection is null ? null : AuditValues(connection, newToken, tokens.Open(connection));
        if (connection is null)
        {
            connection = new ChannelConnection { Channel = channel };
            db.Channels.Add(connection);
        }

        connection.TargetId = targetId;
        if (!string.IsNullOrEmpty(token))
        {
            connection.ProtectedToken = tokens.Protect(token);
            connection.TokenHint = token[^4..];
            connection.TokenExpiresAt = null;
            connection.ExpiryWarnedAt = null;
        }

        connection.GraphBaseUrl = graphBaseUrl;
        connection.UpdatedBy = actor.UserName;
        connection.UpdatedAt = now;

        // Meta is asked first, outside any transaction (it may take a while); then the connection, its released
        // publications and the audit entry are saved together.
        var works = await probe.ProbeAsync(connection, cancellationToken);
        await database.InTransactionAsync(async ct =>
        {
            if (works)
            {
                await status.ReleaseHeldAsync(channel, ct);
            }

            await db.SaveChangesAsync(ct);
            var label = PublicationChannels.Label(channel);
            await events.PublishAsync(new AuditEvent(
                AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "channel", channel,
                (before is null ? $"Kanal {label} disambungkan" : $"Sambungan kanal {label} diubah{(newToken ? " dengan token baru" : "")}")
                    + $"; hasil uji: {ChannelStatuses.Label(connection.Status)}.",
                now,
                before,
                AuditValues(connection, newToken, token)), ct);
        }, cancellationToken);
        return Outcome<ChannelOverview>.Ok(await OverviewOfAsync(connection, cancellationToken));
    }

    /// <summary>Asks Meta whether the id and token work, and when the token expires; a working channel releases its held publications.</summary>
    public async Task<Outcome<ChannelOverview>> TestAsync(string channel, CancellationToken cancellationToken)
    {
        var connection = Social.Contains(channel) ? await status.FindAsync(channel, cancellationToken) : null;
        if (connection is null)
        {
            return Outcome<ChannelOverview>.From(Outcome.NotFound("Kanal ini belum disambungkan."));
        }

        await CheckAsync(connection, cancellationToken);
        return Outcome<ChannelOverview>.Ok(await OverviewOfAsync(connection, cancellationToken));
    }

    /// <summary>Removes the channel's token. Publications to it are then recorded as dry runs (not sent), openly.</summary>
    public Task<Outcome> RemoveAsync(string channel, Actor actor, CancellationToken cancellationToken)
        => database.InTransactionAsync(async ct =>
        {
            var connection = Social.Contains(channel) ? await status.FindAsync(channel, ct) : null;
            if (connection is null)
            {
                return Outcome.NotFound("Kanal ini belum disambungkan.");
            }

            var before = AuditValues(connection, withToken: true, tokens.Open(connection));
            db.Channels.Remove(connection);

            // What was held for the channel now runs without it: recorded as a dry run, openly not sent (the operator may cancel).
            await status.ReleaseHeldAsync(channel, ct);
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(new AuditEvent(
                AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "channel", channel,
                $"Kanal {PublicationChannels.Label(channel)} diputus dan tokennya dihapus.", clock.GetUtcNow(), before), ct);
            return Outcome.Ok();
        }, cancellationToken);

    /// <summary>Credentials given in configuration become the channel's connection, encrypted, when the admin has not made one.</summary>
    public async Task SeedFromConfigurationAsync(CancellationToken cancellationToken)
    {
        foreach (var (channel, credentials) in new[] { (PublicationChannels.Facebook, options.Value.Facebook), (PublicationChannels.Instagram, options.Value.Instagram) })
        {
            if (!credentials.IsConfigured || await db.Channels.AnyAsync(c => c.Channel == channel, cancellationToken))
            {
                continue;
            }

            db.Channels.Add(new ChannelConnection
            {
                Channel = channel,
                TargetId = credentials.TargetId!,
                ProtectedToken = tokens.Protect(credentials.AccessToken!),
                TokenHint = credentials.AccessToken!.Length >= 4 ? credentials.AccessToken[^4..] : "",
                GraphBaseUrl = credentials.GraphBaseUrl ?? options.Value.GraphBaseUrl,
                Status = ChannelStatuses.Connected,
                StatusNote = "Diambil dari konfigurasi server (Newsroom:Channels); kelola selanjutnya di halaman ini.",
                UpdatedBy = "konfigurasi",
                UpdatedAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task CheckAsync(ChannelConnection connection, CancellationToken cancellationToken)
    {
        if (await probe.ProbeAsync(connection, cancellationToken))
        {
            await status.ReleaseHeldAsync(connection.Channel, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A connection as the audit log keeps it. The token goes under "token" in clear only to the log, which masks it
    /// (its last four characters at most); it is there only when it changes, or when the channel is removed.
    /// </summary>
    private static Dictionary<string, string?> AuditValues(ChannelConnection connection, bool withToken, string? token)
    {
        var values = new Dictionary<string, string?>
        {
            ["targetId"] = connection.TargetId,
            ["graphBaseUrl"] = connection.GraphBaseUrl,
            ["status"] = connection.Status,
        };
        if (withToken)
        {
            values["token"] = token;
        }

        return values;
    }

    private async Task<ChannelOverview> OverviewOfAsync(ChannelConnection connection, CancellationToken cancellationToken)
    {
        var held = await db.Publications.CountAsync(p => p.Channel == connection.Channel && p.Status == PublicationStatuses.Held, cancellationToken);
        return Describe(connection.Channel, connection, held, clock.GetUtcNow());
    }

    private static ChannelOverview Describe(string channel, ChannelConnection? c, int held, DateTimeOffset now) => new(
        channel,
        PublicationChannels.Label(channel),
        c is null ? "not_connected" : c.Status,
        c is null ? "Belum disambungkan (publikasi dicatat sebagai uji coba, tidak dikirim)" : ChannelStatuses.Label(c.Status),
        c?.TargetId,
        c?.AccountName,
        c is null ? null : "••••" + c.TokenHint,
        c?.TokenExpiresAt,
        c?.TokenExpiresAt is { } expires ? (int)Math.Floor((expires - now).TotalDays) : null,
        c?.TokenExpiresAt is { } soon && soon - now < ChannelStatus.ExpiryWarning,
        c?.StatusNote,
        c?.CheckedAt,
        c?.BlockedUntil > now ? c.BlockedUntil : null,
        c?.GraphBaseUrl,
        held,
        c?.UpdatedBy,
        c?.UpdatedAt);
}

/// <summary>A channel as the admin sees it; the token only as its last four characters.</summary>
public sealed record ChannelOverview(
    string Channel,
    string Label,
    string Status,
    string StatusLabel,
    string? TargetId,
    string? AccountName,
    string? Token,
    DateTimeOffset? TokenExpiresAt,
    int? TokenExpiresInDays,
    bool TokenExpiresSoon,
    string? Note,
    DateTimeOffset? CheckedAt,
    DateTimeOffset? BlockedUntil,
    string? GraphBaseUrl,
    int HeldPublications,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt);
