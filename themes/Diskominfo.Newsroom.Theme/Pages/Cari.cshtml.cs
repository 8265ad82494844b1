using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Theme.Pages;

/// <summary>
/// Public search: the archive's Indonesian full-text engine, over published versions only (a draft, or the
/// unpublished correction of a live article, is never found). Not output-cached: the index follows a publication
/// a moment after it, and a search is cheaper than the risk of caching a result from before.
/// </summary>
[AllowAnonymous]
public sealed class CariModel(ISearchEngine search, IPublishedContentQuery content, IOptions<SiteOptions> site) : PageModel
{
    public string? Query { get; private set; }

    public SearchResults Results { get; private set; } = new([], new Dictionary<string, IReadOnlyList<FacetCount>>(), 0, 1, 10);

    /// <summary>Each hit with its article (photo, category, date) when it is still published.</summary>
    public IReadOnlyList<(SearchHit Hit, PublishedArticle Article)> Found { get; private set; } = [];

    public string BasePath { get; private set; } = "/cari";

    public async Task<IActionResult> OnGetAsync(string? q, int? halaman, CancellationToken cancellationToken)
    {
        // "?halaman=dua" is the reader's mistake: said as such (400), not shown as page 1.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        Query = q?.Trim();
        if (string.IsNullOrEmpty(Query))
        {
            return Page();
        }

        if (Query.Length > 200)
        {
            Query = Query[..200];
        }

        var page = halaman ?? 1;
        if (page is < 1 or > 500)
        {
            return NotFound();
        }

        BasePath = "/cari?q=" + Uri.EscapeDataString(Query);
        Results = await search.SearchAsync(new SearchRequest(Query, Page: page, PageSize: site.Value.PageSize), null, cancellationToken);
        if (page > Results.Pages)
        {
            return NotFound();
        }

        var articles = (await content.GetByIdsAsync(Results.Items.Select(h => h.ItemId).ToList(), cancellationToken)).ToDictionary(a => a.ItemId);
        Found = Results.Items.Where(h => articles.ContainsKey(h.ItemId)).Select(h => (h, articles[h.ItemId])).ToList();
        ViewData["Canonical"] = page == 1 ? BasePath : $"{BasePath}&halaman={page}";
        return Page();
    }

    public string Link(int page) => page == 1 ? BasePath : $"{BasePath}&halaman={page}";
}
