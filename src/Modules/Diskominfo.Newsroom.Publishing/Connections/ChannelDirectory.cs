using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Channels;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Models;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Connections;

/// <summary>
/// The Facebook Page and the Instagram account as the admin connected them. Tokens are encrypted with Data Protection
/// before they reach the database and are decrypted only to call Meta; nothing shows or logs them, only their last four
/// characters. A channel whose token Meta refuses is marked disconnected, its publications held, and the admins told;
/// connecting it again releases them. Connecting, changing and removing a channel are written to the audit log, the token
/// only as the log masks it.
/// </summary>
internal sealed partial class ChannelDirectory(
    PublishingDbContext db,
    NewsroomDatabase database,
    IDataProtectionProvider protection,
    GraphClient graph,
    GraphAllowlist allowlist,
    IEventPublisher events,
    PublicationQueue queue,
    IOptions<PublishingOptions> options,
    TimeProvider clock)
{
    public const string SettingsPath = "/admin/pengaturan/kanal";

    /// <summary>The admins are told this long before a token expires.</summary>
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(7);

    public static readonly IReadOnlyList<string> Social = [PublicationChannels.Facebook, PublicationChannels.Instagram];

    private static readonly Dictionary<string, string[]> RequiredScopes = new()
    {
        [PublicationChannels.Facebook] = ["pages_manage_posts", "pages_read_engagement"],
        [PublicationChannels.Instagram] = ["instagram_basic", "instagram_content_publish"],
    };

    private IDataProtector Protector => protection.CreateProtector("Diskominfo.Newsroom.Publishing.ChannelTokens.v1");

    public sealed record ConnectRequest(string? TargetId, string? AccessToken, string? GraphBaseUrl);

    public Task<ChannelConnection?> FindAsync(string channel, CancellationToken cancellationToken)
        => db.Channels.SingleOrDefaultAsync(c => c.Channel == channel, cancellationToken);

    /// <summary>
    /// The credentials to call Meta with; null when the channel was never connected (publications then record a dry run).
    /// A token that cannot be decrypted (the data folder's keys were lost or replaced) is reported in <paramref name="problem"/>.
    /// </summary>
    public ChannelCredentials? Credentials(ChannelConnection? connection, out string? problem)
    {
        problem = null;
        if (connection is null)
        {
            return null;
        }

        // The token goes to the allowed Graph hosts only, whatever the stored address says (set before the allowlist,
        // from the configuration, or written into the database behind the site's back).
        if (!allowlist.Allows(connection.GraphBaseUrl))
        {
            problem = $"Alamat Graph API kanal ini ({connection.GraphBaseUrl}) tidak diizinkan: {allowlist.Refusal(connection.GraphBaseUrl)} Admin perlu menyambungkan kanal lagi dengan alamat yang benar dan tokennya.";
            return null;
        }

        var token = TokenOf(connection);
        if (token is null)
        {
            problem = "Token kanal tidak dapat dibuka: kunci enkripsi di folder data berubah atau hilang. Admin perlu memasukkan token lagi.";
            return null;
        }

        return new ChannelCredentials { PageId = connection.TargetId, AccessToken = token, GraphBaseUrl = connection.GraphBaseUrl };
    }

    /// <summary>The stored token in clear, for a call (through <see cref="Credentials"/>) or the audit log's mask; null when it cannot be opened.</summary>
    private string? TokenOf(ChannelConnection connection)
    {
        try
        {
            return Protector.Unprotect(connection.ProtectedToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

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

        var connection = await FindAsync(channel, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var targetId = request.TargetId?.Trim() ?? "";
        if (!MetaId().IsMatch(targetId))
        {
            errors["targetId"] = [channel == PublicationChannels.Facebook
                ? "ID Halaman Facebook wajib diisi dan berupa angka (lihat Tentang > Transparansi Halaman, atau Meta Business Suite)."
                : "ID akun Instagram profesional wajib diisi dan berupa angka (dari Meta Business Suite atau Graph API Explorer)."];
        }

        var token = request.AccessToken?.Trim();
        if (string.IsNullOrEmpty(token) && connection is null)
        {
            errors["accessToken"] = ["Token akses wajib diisi saat kanal pertama kali disambungkan."];
        }
        else if (!string.IsNullOrEmpty(token) && (token.Length < 20 || token.Any(char.IsWhiteSpace)))
        {
            errors["accessToken"] = ["Token akses tidak terlihat seperti token Meta (terlalu pendek atau memuat spasi). Salin ulang token secara utuh."];
        }

        var baseUrl = string.IsNullOrWhiteSpace(request.GraphBaseUrl) ? null : request.GraphBaseUrl.Trim().TrimEnd('/');
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !GraphVersion().IsMatch(uri.AbsolutePath)))
        {
            errors["graphBaseUrl"] = ["Alamat Graph API harus lengkap dengan versinya, misalnya https://graph.facebook.com/v24.0."];
        }

        // Where the token will go: only to Meta's Graph hosts, and to a new address or for another Page or account only
        // when the admin types the token again (a session left open cannot send the stored token elsewhere).
        var graphBaseUrl = baseUrl ?? (string.IsNullOrEmpty(connection?.GraphBaseUrl) ? options.Value.GraphBaseUrl.TrimEnd('/') : connection.GraphBaseUrl);
        if (!errors.ContainsKey("graphBaseUrl") && !allowlist.Allows(graphBaseUrl))
        {
            errors["graphBaseUrl"] = [allowlist.Refusal(graphBaseUrl)];
        }

        var retarget = connection is not null
            && (!string.Equals(targetId, connection.TargetId, StringComparison.Ordinal)
                || !string.Equals(graphBaseUrl.TrimEnd('/'), connection.GraphBaseUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
        if (retarget && string.IsNullOrEmpty(token) && !errors.ContainsKey("accessToken"))
        {
            errors["accessToken"] = [channel == PublicationChannels.Facebook
                ? "Ketik ulang token akses untuk mengganti ID Halaman atau alamat Graph API: token yang tersimpan hanya dipakai untuk sambungan yang sama."
                : "Ketik ulang token akses untuk mengganti ID akun Instagram atau alamat Graph API: token yang tersimpan hanya dipakai untuk sambungan yang sama."];
        }

        if (errors.Count > 0)
        {
            return Outcome<ChannelOverview>.From(Outcome.Invalid(errors, "Sambungan kanal belum dapat disimpan."));
        }

        var now = clock.GetUtcNow();
        var newToken = !string.IsNullOrEmpty(token);
        var before = connection is null ? null : AuditValues(connection, newToken, TokenOf(connection));
        if (connection is null)
        {
            connection = new ChannelConnection { Channel = channel };
            db.Channels.Add(connection);
        }

        connection.TargetId = targetId;
        if (!string.IsNullOrEmpty(token))
        {
            connection.ProtectedToken = Protector.Protect(token);
            connection.TokenHint = token[^4..];
            connection.TokenExpiresAt = null;
            connection.ExpiryWarnedAt = null;
        }

        connection.GraphBaseUrl = graphBaseUrl;
        connection.UpdatedBy = actor.UserName;
        connection.UpdatedAt = now;

        // Meta is asked first, outside any transaction (it may take a while); then the connection, its released
        // publications and the audit entry are saved together.
        var works = await ProbeAsync(connection, cancellationToken);
        await database.InTransactionAsync(async ct =>
        {
            if (works)
            {
                await ReleaseHeldAsync(channel, ct);
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
        var connection = Social.Contains(channel) ? await FindAsync(channel, cancellationToken) : null;
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
            var connection = Social.Contains(channel) ? await FindAsync(channel, ct) : null;
            if (connection is null)
            {
                return Outcome.NotFound("Kanal ini belum disambungkan.");
            }

            var before = AuditValues(connection, withToken: true, TokenOf(connection));
            db.Channels.Remove(connection);

            // What was held for the channel now runs without it: recorded as a dry run, openly not sent (the operator may cancel).
            await ReleaseHeldAsync(channel, ct);
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(new AuditEvent(
                AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, "channel", channel,
                $"Kanal {PublicationChannels.Label(channel)} diputus dan tokennya dihapus.", clock.GetUtcNow(), before), ct);
            return Outcome.Ok();
        }, cancellationToken);

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
            SettingsPath,
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
                SettingsPath,
                now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

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
                ProtectedToken = Protector.Protect(credentials.AccessToken!),
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
        if (await ProbeAsync(connection, cancellationToken))
        {
            await ReleaseHeldAsync(connection.Channel, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Asks Meta whether the id and token work and when the token expires, noting the answer on the connection (not
    /// saved). True when the channel works, so that what was held for it may go.
    /// </summary>
    private async Task<bool> ProbeAsync(ChannelConnection connection, CancellationToken cancellationToken)
    {
        var credentials = Credentials(connection, out var problem);
        var now = clock.GetUtcNow();
        connection.CheckedAt = now;
        if (credentials is null)
        {
            connection.Status = ChannelStatuses.Disconnected;
            connection.StatusNote = problem;
            return false;
        }

        var fields = connection.Channel == PublicationChannels.Facebook ? "id,name" : "id,username";
        try
        {
            var account = await graph.GetAsync(credentials, $"{connection.TargetId}?fields={fields}", cancellationToken);
            if (!account.Ok)
            {
                connection.Status = ChannelStatuses.Disconnected;
                connection.StatusNote = account.Error!.Kind == GraphErrorKind.Disconnected
                    ? account.Error.Describe()
                    : $"Meta tidak mengenali ID {connection.TargetId} untuk token ini (kode {account.Error.CodeText}). Periksa ID {(connection.Channel == PublicationChannels.Facebook ? "Halaman" : "akun Instagram")} dan bahwa token dibuat untuknya.";
                return false;
            }

            connection.AccountName = account.String("name") ?? account.String("username");
            var debug = await graph.GetAsync(credentials, $"debug_token?input_token={Uri.EscapeDataString(credentials.AccessToken!)}", cancellationToken);
            var notes = new List<string> { $"Sambungan berhasil diuji: {(connection.AccountName is null ? connection.TargetId : $"“{connection.AccountName}”")}." };
            if (debug.Ok && debug.Body.TryGetProperty("data", out var data))
            {
                if (data.TryGetProperty("expires_at", out var expires) && expires.TryGetInt64(out var unix))
                {
                    connection.TokenExpiresAt = unix == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(unix);
                }

                var scopes = data.TryGetProperty("scopes", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(s => s.GetString()).ToHashSet()
                    : [];
                var missing = RequiredScopes[connection.Channel].Where(s => !scopes.Contains(s)).ToList();
                if (missing.Count > 0)
                {
                    connection.Status = ChannelStatuses.Disconnected;
                    connection.StatusNote = $"Token tidak memiliki izin {string.Join(", ", missing)}. Buat token baru dengan izin tersebut.";
                    return false;
                }
            }
            else
            {
                notes.Add("Masa berlaku token tidak dapat dibaca dari Meta.");
            }

            connection.Status = ChannelStatuses.Connected;
            connection.StatusNote = string.Join(" ", notes);
            return true;
        }
        catch (Exception e) when (GraphOutcomes.IsTransport(e) && !cancellationToken.IsCancellationRequested)
        {
            // No answer says nothing about the token: keep the status, report the check's failure.
            connection.StatusNote = $"Graph API tidak dapat dihubungi saat diuji ({e.GetType().Name}); status sambungan tidak berubah. Coba uji lagi.";
            return false;
        }
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

    /// <summary>Publications held while the channel was disconnected go back to the job server, their attempts untouched.</summary>
    private async Task ReleaseHeldAsync(string channel, CancellationToken cancellationToken)
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
        c?.TokenExpiresAt is { } soon && soon - now < ExpiryWarning,
        c?.StatusNote,
        c?.CheckedAt,
        c?.BlockedUntil > now ? c.BlockedUntil : null,
        c?.GraphBaseUrl,
        held,
        c?.UpdatedBy,
        c?.UpdatedAt);

    [GeneratedRegex(@"^\d{5,30}$")]
    private static partial Regex MetaId();

    [GeneratedRegex(@"/v\d+\.\d+$")]
    private static partial Regex GraphVersion();
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
