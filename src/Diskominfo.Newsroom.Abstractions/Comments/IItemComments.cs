namespace Diskominfo.Newsroom.Abstractions.Comments;

/// <summary>
/// The comment thread of an item (Comments module): the staff's discussion beside the text, apart from the notes of
/// approval actions. Read by the archive sheet for its annex and by the desk's item page.
/// </summary>
public interface IItemComments
{
    /// <summary>The item's comments, oldest first; empty when there are none.</summary>
    Task<IReadOnlyList<ItemComment>> ListAsync(Guid itemId, CancellationToken cancellationToken);
}

/// <summary>One comment: who wrote it (<paramref name="AuthorName"/>), when, its text, and the user names it mentioned.</summary>
public sealed record ItemComment(Guid Id, Guid ItemId, string AuthorId, string AuthorName, string Body, DateTimeOffset CreatedAt, IReadOnlyList<string> Mentions);
