using System.Text.RegularExpressions;

namespace Diskominfo.Newsroom.Comments.Models;

/// <summary>What a comment may hold, and how its mentions are written: <c>@username</c>, not inside a word or an e-mail address.</summary>
internal static partial class CommentRules
{
    public const int MaxLength = 4000;

    /// <summary>At most this many people are told about one comment.</summary>
    public const int MaxMentions = 20;

    public static IReadOnlyList<string> MentionedUserNames(string body)
        => [.. Mention().Matches(body).Select(m => m.Groups["name"].Value.TrimEnd('.', '-')).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    [GeneratedRegex(@"(?<![\w@.])@(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,63})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Mention();
}
