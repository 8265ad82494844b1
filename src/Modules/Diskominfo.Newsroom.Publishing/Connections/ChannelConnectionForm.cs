using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Models;

namespace Diskominfo.Newsroom.Publishing.Connections;

/// <summary>
/// The checks of the channel form, in Indonesian: a numeric Meta id, a token that looks like one (required the first
/// time), a Graph address with its version and on Meta's hosts, and the token typed again to send it anywhere new.
/// </summary>
internal static partial class ChannelConnectionForm
{
    /// <summary>The errors by field (none when the form is good), and the id, the token (null to keep the stored one) and the Graph address to save.</summary>
    public static Dictionary<string, string[]> Check(
        string channel, ChannelDirectory.ConnectRequest request, ChannelConnection? connection, string defaultGraphBaseUrl, GraphAllowlist allowlist,
        out string targetId, out string? token, out string graphBaseUrl)
    {
        var errors = new Dictionary<string, string[]>();
        targetId = request.TargetId?.Trim() ?? "";
        if (!MetaId().IsMatch(targetId))
        {
            errors["targetId"] = [channel == PublicationChannels.Facebook
                ? "ID Halaman Facebook wajib diisi dan berupa angka (lihat Tentang > Transparansi Halaman, atau Meta Business Suite)."
                : "ID akun Instagram profesional wajib diisi dan berupa angka (dari Meta Business Suite atau Graph API Explorer)."];
        }

        token = request.AccessToken?.Trim();
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
        graphBaseUrl = baseUrl ?? (string.IsNullOrEmpty(connection?.GraphBaseUrl) ? defaultGraphBaseUrl.TrimEnd('/') : connection.GraphBaseUrl);
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

        return errors;
    }

    [GeneratedRegex(@"^\d{5,30}$")]
    private static partial Regex MetaId();

    [GeneratedRegex(@"/v\d+\.\d+$")]
    private static partial Regex GraphVersion();
}
