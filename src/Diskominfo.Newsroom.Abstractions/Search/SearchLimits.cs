namespace Diskominfo.Newsroom.Abstractions.Search;

/// <summary>
/// The bounds of a search, the same for the public site, the desk and the API: what one request may ask of the
/// index. A search beyond them is refused with an Indonesian explanation per field, never run.
/// </summary>
public static class SearchLimits
{
    /// <summary>The longest query, in characters.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>The most words in a query (each word of a phrase counts).</summary>
    public const int MaxWords = 20;

    /// <summary>How deep results may be paged: page x page size at most.</summary>
    public const int MaxDepth = 1000;

    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The longest filter value (outlet, classification), in characters.</summary>
    public const int MaxFilterLength = 100;
}
