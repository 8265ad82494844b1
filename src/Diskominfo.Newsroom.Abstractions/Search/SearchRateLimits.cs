namespace Diskominfo.Newsroom.Abstractions.Search;

/// <summary>The Search module's rate-limiting policy, for the public site's search page too.</summary>
public static class SearchRateLimits
{
    /// <summary>
    /// Anonymous searches (<c>/cari</c>, <c>/api/v1/search</c> without a token) per client address
    /// (<c>Newsroom:RateLimits:Search</c>, 120 per 60 s by default); signed-in staff are not counted by it.
    /// </summary>
    public const string PublicSearch = "search.public";
}
