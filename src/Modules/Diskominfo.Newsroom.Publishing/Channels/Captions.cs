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

    /// <summary>Where the operator's caption puts the article's address; replaced when the post is sent.</summary>
    public const string LinkPlaceholder = "{tautan}";

    public const int FacebookMaxLength = 63206;

    /// <summary>A long article address, to measure a caption whose <see cref="LinkPlaceholder"/> is not filled in yet.</summary>
    public const string SampleArticleUrl = "https://contoh.go.id/berita/judul-berita-yang-cukup-panjang";

    /// <summary>The operator's caption with the article's address filled in (or the placeholder dropped before the article is live).</summary>
    public static string Fill(string caption, string? articleUrl) => caption.Replace(LinkPlaceholder, articleUrl ?? "", StringComparison.Ordinal).Trim();

    /// <summary>Why an operator's caption cannot be sent to the channel as it is (in Indonesian); empty when it can.</summary>
    public static IReadOnlyList<string> Check(string channel, string caption)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(caption))
        {
            errors.Add("Takarir tidak boleh kosong.");
            return errors;
        }

        var text = Fill(caption, SampleArticleUrl);
        if (channel == Abstractions.Publishing.PublicationChannels.Instagram)
        {
            if (text.Length > InstagramMaxLength)
            {
                errors.Add($"Takarir Instagram paling banyak {InstagramMaxLength} karakter (termasuk tautan); kini {text.Length}.");
            }

            var tags = TagPattern().Matches(text).Count(m => m.Value[0] == '#');
            var mentions = TagPattern().Matches(text).Count(m => m.Value[0] == '@');
            if (tags > InstagramMaxHashtags)
            {
                errors.Add($"Instagram menerima paling banyak {InstagramMaxHashtags} tagar; takarir ini memuat {tags}.");
            }

            if (mentions > InstagramMaxMentions)
            {
                errors.Add($"Instagram menerima paling banyak {InstagramMaxMentions} sebutan (@); takarir ini memuat {mentions}.");
            }
        }
        else if (text.Length > FacebookMaxLength)
        {
            errors.Add($"Kiriman Facebook paling banyak {FacebookMaxLength} karakter.");
        }

        return errors;
    }

    /// <summary>Counts shown beside a caption: characters, hashtags, mentions.</summary>
    public static (int Characters, int Hashtags, int Mentions) Measure(string caption)
    {
        var matches = TagPattern().Matches(caption);
        return (caption.Length, matches.Count(m => m.Value[0] == '#'), matches.Count(m => m.Value[0] == '@'));
    }

    public static string Facebook(ContentSnapshot content, string? articleUrl, string? caption = null)
    {
        if (caption is not null)
        {
            return caption;
        }

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

    public static string Instagram(ContentSnapshot content, string? articleUrl, string? caption = null)
    {
        if (caption is not null)
        {
            // Checked when the operator saved it; kept within the limits here too, so Meta never refuses it.
            return Shorten(LimitTags(caption, 0), InstagramMaxLength);
        }

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
        head = LimitTags(head, tag is null ? 0 : 1);
        var room = InstagramMaxLength - tail.Length;
        return Shorten(head, room) + tail;
    }

    /// <summary>
    /// Whether a post's text found at Meta is this publication's: it carries the article's address as a whole address
    /// (not the start of a longer one, <c>.../jalan</c> in <c>.../jalan-2</c>), or it is the very text that was sent.
    /// </summary>
    public static bool IsPostOf(string? text, string? articleUrl, string sentText)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Normalize(text) == Normalize(sentText))
        {
            return true;
        }

        if (string.IsNullOrEmpty(articleUrl))
        {
            return false;
        }

        for (var at = text.IndexOf(articleUrl, StringComparison.Ordinal); at >= 0; at = text.IndexOf(articleUrl, at + 1, StringComparison.Ordinal))
        {
            var end = at + articleUrl.Length;
            if (end == text.Length || !IsUrlCharacter(text[end]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUrlCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '~' or '%' or '?' or '#' or '=' or '&' or '+';

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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
    private static string LimitTags(string text, int tagsAlready)
    {
        var tags = tagsAlready;
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
