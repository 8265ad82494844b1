namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>The text and fields of items, as the search index takes them in (Content module).</summary>
public interface ISearchableContent
{
    /// <summary>The given items; unknown ids are left out.</summary>
    Task<IReadOnlyList<SearchableItem>> GetAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);

    /// <summary>Every item, in batches ordered by id: <paramref name="after"/> is the last id of the previous batch.</summary>
    Task<IReadOnlyList<SearchableItem>> ListAsync(Guid? after, int take, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}

/// <summary>
/// An item for the index: its working version (what the staff search) and, when it is live on the website, the
/// published version (all the public may search).
/// </summary>
public sealed record SearchableItem(
    Guid ItemId, string ContentType, string OwnerId, DateTimeOffset CreatedAt, SearchableVersion Latest, SearchableVersion? Published,
    string? Slug, DateTimeOffset? PublishedAt);

/// <summary>
/// One version's searchable fields. <see cref="Text"/> is the body of an article or the text of a clipping; the
/// clipping fields are null for other types.
/// </summary>
public sealed record SearchableVersion(
    string Title,
    string? Lead,
    string? Text,
    string? Category,
    string? Outlet,
    string? MediaType,
    DateOnly? EditionDate,
    string? Page,
    string? Tone,
    IReadOnlyList<string> Topics);
