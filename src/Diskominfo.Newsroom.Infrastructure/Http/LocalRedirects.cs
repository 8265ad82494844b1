using System.Diagnostics.CodeAnalysis;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// The one rule for a redirect target that came with a request (<c>ReturnUrl</c>, <c>/bahasa?r=</c>): a path on this
/// site or nothing. <c>Url.IsLocalUrl</c>'s rule, stricter: it starts with one <c>/</c> not followed by <c>/</c> or
/// <c>\</c>, holds only printable ASCII (no control characters, tabs, line breaks, spaces, no backslash), and still
/// is such a path once percent-decoded (so <c>/%2F…</c>, <c>/%5C…</c> and <c>/%09/…</c> are refused too). Anything
/// else, <c>//host</c>, <c>/\host</c>, <c>https://host</c> or <c>javascript:</c>, gives way to a fixed local page.
/// </summary>
public static class LocalRedirects
{
    /// <summary>Longer targets are refused: no page of the site needs one, and a header that long is an attack.</summary>
    public const int MaxLength = 2048;

    public static bool IsLocal([NotNullWhen(true)] string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || !IsRooted(url) || url.Any(c => c is <= ' ' or >= '\x7f' or '\\'))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return false;
        }

        return IsRooted(decoded) && !decoded.Any(c => char.IsControl(c) || c == '\\');
    }

    /// <summary><paramref name="url"/> when it is local, otherwise <paramref name="fallback"/> (a fixed path of the site).</summary>
    public static string Or(string? url, string fallback) => IsLocal(url) ? url : fallback;

    /// <summary>
    /// The path, query and fragment of an address the framework made absolute from the request's <c>Host</c> (a
    /// redirect to the sign-in page), so that the client's <c>Host</c> header never becomes where it is sent.
    /// </summary>
    public static string PathOf(string address)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            // An odd page to come back to (say, a backslash in its query) drops the query rather than the sign-in page.
            return Or(uri.PathAndQuery + uri.Fragment, Or(uri.AbsolutePath, "/"));
        }

        return Or(address, "/");
    }

    private static bool IsRooted(string url) => url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
