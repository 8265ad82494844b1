namespace Diskominfo.Newsroom.Comments.Models;

/// <summary>A comment on an item: written once, never edited, by a person who could see the item's work.</summary>
internal sealed class Comment
{
    public Guid Id { get; set; }

    /// <summary>The item (Content module's id); no foreign key across modules.</summary>
    public Guid ItemId { get; set; }

    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The user names the comment mentioned (those that matched an active account), space separated.</summary>
    public string Mentions { get; set; } = "";

    public IReadOnlyList<string> MentionList => Mentions.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
