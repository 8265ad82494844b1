using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Channels;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Models;

namespace Diskominfo.Newsroom.Publishing.Connections;

/// <summary>Tests a connection with Meta: whether the id and token work, the account's name, the token's expiry and scopes.</summary>
internal sealed class ChannelProbe(ChannelTokens tokens, GraphClient graph, TimeProvider clock)
{
    private static readonly Dictionary<string, string[]> RequiredScopes = new()
    {
        [PublicationChannels.Facebook] = ["pages_manage_posts", "pages_read_engagement"],
        [PublicationChannels.Instagram] = ["instagram_basic", "instagram_content_publish"],
    };

    /// <summary>
    /// Asks Meta whether the id and token work and when the token expires, noting the answer on the connection (not
    /// saved). True when the channel works, so that what was held for it may go.
    /// </summary>
    public async Task<bool> ProbeAsync(ChannelConnection connection, CancellationToken cancellationToken)
    {
        var credentials = tokens.Credentials(connection, out var problem);
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
}
