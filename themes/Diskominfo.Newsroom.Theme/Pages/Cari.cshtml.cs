using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Theme.Pages;

/// <summary>
/// Public search: the archive's Indonesian full-text engine, over published versions only (a draft, or the
/// unpublished correction of a live article, is never found). Not output-cached: the index follows a publication
/// a moment after it, and a search is cheaper than the risk of caching a result from before. A search beyond the
/// bounds (too long, too many words, too deep) is answered on this page with what to change, under status 400.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SearchRateLimits.PublicSearch)]
public sealed class CariModel(ISearchEngine search, ISearchInput input, IPublishedContentQuery content, IOptions<SiteOptions> site) : PageModel
{
    public string? Query { get; private set; }

    public SearchResults Results { get; private set; } = new([], new Dictionary<string, IReadOnlyList<FacetCount>>(), 0, 1, 10);

    /// <summary>Each hit with its article (photo, category, date) when it is still published.</summary>
    public IReadOnlyList<(SearchHit Hit, PublishedArticle Article)> Found { get; private set; } = [];

    /// <summary>Why the search was not run, in Indonesian (empty when it was).</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string BasePath { get; private set; } = "/cari";

    public async Task<IActionResult> OnGetAsync(string? q, string? halaman, CancellationToken cancellationToken)
    {
        var typed = q?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return Page();
        }

        // Shown back as typed, but never more than a query may hold.
        Query = typed.Length > SearchLimits.MaxQueryLength ? typed[..SearchLimits.MaxQueryLength] : typed;
        var read = input.Read(new SearchForm(Q: typed, Page: halaman, DefaultPageSize: site.Value.PageSize));
        if (!read.Succeeded)
        {
            // "?halaman=dua", 300 characters, 40 words: the reader's mistake, said on the page (400), not run.
            Errors = [.. (read.Errors ?? new Dictionary<string, string[]>()).Values.SelectMany(m => m)];
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var request = read.Value!;
        BasePath = "/cari?q=" + Uri.EscapeDataString(Query);
        Results = await search.SearchAsync(request, null, cancellationToken);
        if (request.Page > Results.Pages)
        {
            return NotFound();
        }

        var articles = (await content.GetByIdsAsync(Results.Items.Select(h => h.ItemId).ToList(), cancellationToken)).ToDictionary(a => a.ItemId);
        Found = Results.Items.Where(h => articles.ContainsKey(h.ItemId)).Select(h => (h, articles[h.ItemId])).ToList();
        ViewData["Canonical"] = request.Page == 1 ? BasePath : $"{BasePath}&halaman={request.Page}";
        return Page();
    }

    public string Link(int page) => page == 1 ? BasePath : $"{BasePath}&halaman={page}";
}
