namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>Reads items and versions (Content module).</summary>
public interface IContentCatalog
{
    Task<ContentSnapshot?> GetLatestAsync(Guid itemId, CancellationToken cancellationToken);

    /// <summary>The working titles of many items at once (for reports and lists); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> GetTitlesAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);

    /// <summary>Items whose latest title contains <paramref name="words"/> (case ignored), at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<Guid>> FindByTitleAsync(string words, int take, CancellationToken cancellationToken);

    /// <summary>
    /// A version as labelled plain-text lines (title, every field, the text, the photos), for showing what changed
    /// between two versions; null when the version does not exist.
    /// </summary>
    Task<string?> GetDigestAsync(Guid itemId, Guid versionId, CancellationToken cancellationToken);

    Task<ContentSnapshot?> GetVersionAsync(Guid itemId, Guid versionId, CancellationToken cancellationToken);

    /// <summary>Whether the item has a version live on the public website.</summary>
    Task<bool> IsPublishedAsync(Guid itemId, CancellationToken cancellationToken);
}
