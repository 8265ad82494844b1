using System.Text;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Content;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>Texts for the social posts, within each platform's limits, never cut mid-word.</summary>
internal static partial class Captions
{
    public const int InstagramMaxLength = 2200;
    public const int InstagramMaxHashtags = 30;
    public const int InstagramMaxMentions = 20;

    public static string Facebook(ContentSnapshot content, string? articleUrl)
    {
        var text = new StringBuilder(content.Title);
        if (!string.IsNullOrWhiteSpace(content.Lead))
        {
            text.Append("\n\n").Append(content.Lead);
        }

        if (articleUrl is not null)
        {
            text.Append("\n\nBaca selengkapnya: ").Append(articleUrl);
        }

        var tag = Hashtag(content.Category);
        if (tag is not null)
        {
            text.Append("\n\n").Append(tag);
        }

        return text.ToString();
    }

    public static string Instagram(ContentSnapshot content, string? articleUrl)
    {
        var tail = new StringBuilder();
        if (articleUrl is not null)
        {
            tail.Append("\n\nBerita lengkap: ").Append(articleUrl);
        }

        var tag = Hashtag(content.Category);
        if (tag is not null)
        {
            tail.Append("\n\n").Append(tag);
        }

        var head = content.Title + (string.IsNullOrWhiteSpace(content.Lead) ? "" : "\n\n" + content.Lead);
        head = LimitTags(head);
        var room = InstagramMaxLength - tail.Length;
        return Shorten(head, room) + tail;
    }

    /// <summary>Cuts at the last word boundary that fits, adding an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOfAny([' ', '\n'], Math.Max(0, max - 2));
        return (cut > 0 ? text[..cut] : text[..(max - 1)]).TrimEnd() + "…";
    }

    /// <summary>Hashtags and mentions beyond Instagram's limits lose their sign and stay as plain words.</summary>
    private static string LimitTags(string text)
    {
        var tags = 1; // the category hashtag is always there
        var mentions = 0;
        return TagPattern().Replace(text, m =>
        {
            var isTag = m.Value[0] == '#';
            var ok = isTag ? ++tags <= InstagramMaxHashtags : ++mentions <= InstagramMaxMentions;
            return ok ? m.Value : m.Value[1..];
        });
    }

    private static string? Hashtag(string? category)
        => string.IsNullOrWhiteSpace(category) ? null : "#" + category.Replace("-", "", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<!\w)[#@][\p{L}\p{N}_.]+")]
    private static partial Regex TagPattern();
}
