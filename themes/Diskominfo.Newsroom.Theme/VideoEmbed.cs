using System.Text.RegularExpressions;

namespace Diskominfo.Newsroom.Theme;

/// <summary>
/// A press release's video link as the reader gets it: for YouTube and Vimeo, a privacy-friendly player
/// (youtube-nocookie.com, Vimeo with do-not-track) loaded only when the reader asks for it; any other address as a link.
/// </summary>
public sealed partial record VideoEmbed(string Link, string? Player, string? Host)
{
    /// <summary>The frame sources the article page's content security policy allows, for the players above only.</summary>
    public const string FrameSources = "https://www.youtube-nocookie.com https://player.vimeo.com";

    public static VideoEmbed? From(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal) || host.StartsWith("m.", StringComparison.Ordinal))
        {
            host = host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }

        var youtube = host switch
        {
            "youtu.be" => uri.AbsolutePath.Trim('/'),
            "youtube.com" or "youtube-nocookie.com" when uri.AbsolutePath == "/watch" => Query(uri, "v"),
            "youtube.com" or "youtube-nocookie.com" => YouTubePath().Match(uri.AbsolutePath) is { Success: true } m ? m.Groups[1].Value : null,
            _ => null,
        };
        if (youtube is not null && YouTubeId().IsMatch(youtube))
        {
            return new VideoEmbed(uri.AbsoluteUri, $"https://www.youtube-nocookie.com/embed/{youtube}?autoplay=1", "YouTube");
        }

        if (host == "vimeo.com" && VimeoPath().Match(uri.AbsolutePath) is { Success: true } vimeo)
        {
            return new VideoEmbed(uri.AbsoluteUri, $"https://player.vimeo.com/video/{vimeo.Groups[1].Value}?dnt=1&autoplay=1", "Vimeo");
        }

        return new VideoEmbed(uri.AbsoluteUri, null, null);
    }

    private static string? Query(Uri uri, string name)
        => uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .FirstOrDefault(p => p[0] == name && p.Length == 2)?[1];

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?$")]
    private static partial Regex YouTubePath();

    [GeneratedRegex("^/(?:video/)?([0-9]{4,12})/?$")]
    private static partial Regex VimeoPath();
}
