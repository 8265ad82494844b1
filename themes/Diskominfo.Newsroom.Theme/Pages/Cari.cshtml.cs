using Microsoft.AspNetCore.OutputCaching;
using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Theme.Pages;

/// <summary>
/// Public search over published titles (every word must appear). The archive's full-text search in Indonesian
/// replaces it when that lands; drafts are never searched either way.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = SiteCache.Policy)]
public sealed class CariModel(IPublishedContentQuery content, IOptions<SiteOptions> site) : ListingModel(content, site)
{
    public string? Query { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, int? halaman, CancellationToken cancellationToken)
    {
        Query = q?.Trim();
        if (string.IsNullOrEmpty(Query))
        {
            return Page();
        }

        if (Query.Length > 200)
        {
            Query = Query[..200];
        }

        BasePath = "/cari?q=" + Uri.EscapeDataString(Query);
        return await ListAsync(new ArticleFilter(Query: Query), halaman, cancellationToken);
    }
}
