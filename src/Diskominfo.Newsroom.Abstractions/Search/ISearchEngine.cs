using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Search;

/// <summary>Full-text search in Indonesian over the items (Search module).</summary>
public interface ISearchEngine
{
    /// <summary>
    /// Searches as <paramref name="actor"/> sees the items (null: the public, who see published versions only).
    /// </summary>
    Task<SearchResults> SearchAsync(SearchRequest request, Actor? actor, CancellationToken cancellationToken);
}

/// <summary>
/// A query in the syntax people type: words (all must appear, in any form: <c>bangun</c> finds <c>pembangunan</c>),
/// <c>"exact phrase"</c>, <c>prefix*</c>, <c>-excluded</c>; anything else is searched as text. And filters;
/// <see cref="Outlet"/> tolerates typos. Bounded by <see cref="SearchLimits"/> (see <see cref="ISearchInput"/>).
/// </summary>
public sealed record SearchRequest(
    string? Query = null,
    string? Type = null,
    string? Outlet = null,
    string? MediaType = null,
    string? Category = null,
    string? Tone = null,
    string? Classification = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int PageSize = 20);

public enum SearchSort
{
    Relevance,
    Newest,
    Oldest,
}

public sealed record SearchResults(IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The last page that may be asked for: the pages, no deeper than <see cref="SearchLimits.MaxDepth"/> results.</summary>
    public int LastPage => Math.Max(1, Math.Min(Pages, SearchLimits.MaxDepth / PageSize));

    /// <summary>
    /// The search reached its time limit before it had looked at every match: the results are those found until then
    /// (the total counts them only).
    /// </summary>
    public bool Partial { get; init; }
}

/// <summary>
/// One item found. <see cref="SnippetHtml"/> is HTML-encoded text with the matched words in <c>&lt;mark&gt;</c>.
/// <see cref="Date"/> is the edition date of a clipping, else the publication or creation date (WIB).
/// </summary>
public sealed record SearchHit(
    Guid ItemId,
    string Type,
    string Title,
    string SnippetHtml,
    DateOnly Date,
    string Status,
    string? Outlet,
    string? MediaType,
    string? Category,
    string? Tone,
    string? ArchiveNumber,
    string? Classification,
    string? Slug,
    float Score);

public sealed record FacetCount(string Value, int Count);

/// <summary>The facet names, as the API returns them.</summary>
public static class SearchFacets
{
    public const string Type = "type";
    public const string Outlet = "outlet";
    public const string MediaType = "mediaType";
    public const string Category = "category";
    public const string Tone = "tone";
    public const string Year = "year";
    public const string Month = "month";
    public const string Classification = "classification";

    public static IReadOnlyList<string> All { get; } = [Type, Outlet, MediaType, Category, Tone, Year, Month, Classification];
}
