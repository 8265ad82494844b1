using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Publishing;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>What the operator typed to say where the post is: its address on Facebook or Instagram, or Meta's id of it.</summary>
internal static partial class PostReference
{
    public static (string? Url, string? RemoteId, string? Error) Parse(string? reference)
    {
        var text = reference?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, null, "Isi alamat kiriman (https://...) atau ID-nya dari Meta.");
        }

        if (text.Length > 500)
        {
            return (null, null, "Alamat atau ID kiriman paling panjang 500 karakter.");
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return uri.Scheme == Uri.UriSchemeHttps
                ? (uri.AbsoluteUri, null, null)
                : (null, null, "Alamat kiriman harus diawali https://.");
        }

        return IdPattern().IsMatch(text)
            ? (null, text, null)
            : (null, null, "Bukan alamat kiriman (https://...) dan bukan ID Meta (angka, misalnya 104857600123456_1234).");
    }

    /// <summary>The address is on the channel's own site (facebook.com, fb.com; instagram.com).</summary>
    public static bool BelongsTo(string channel, string url)
    {
        var host = new Uri(url).Host;
        string[] hosts = channel == PublicationChannels.Facebook ? ["facebook.com", "fb.com", "fb.watch"] : ["instagram.com"];
        return hosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^[0-9]{1,40}(_[0-9]{1,40})?$")]
    private static partial Regex IdPattern();
}
