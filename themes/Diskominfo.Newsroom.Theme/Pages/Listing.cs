using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Theme.Pages;

/// <summary>A paged list of published articles (category, month, search): <c>?halaman=N</c>, page 1 without it.</summary>
public abstract class ListingModel(IPublishedContentQuery content, IOptions<SiteOptions> site) : PageModel
{
    public ArticlePage Articles { get; private set; } = new([], 1, 10, 0);

    public string BasePath { get; protected set; } = "/";

    protected async Task<IActionResult> ListAsync(ArticleFilter filter, int? halaman, CancellationToken cancellationToken)
    {
        // "?halaman=dua" is the reader's mistake: said as such (400), not shown as page 1.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        // No list has a hundred thousand pages; such a number would only overflow the offset.
        var page = halaman ?? 1;
        if (page is < 1 or > 100_000)
        {
            return NotFound();
        }

        Articles = await content.ListAsync(filter, page, site.Value.PageSize, cancellationToken);
        if (page > Articles.Pages)
        {
            return NotFound();
        }

        ViewData["Canonical"] = page == 1 ? BasePath : $"{BasePath}{(BasePath.Contains('?') ? '&' : '?')}halaman={page}";
        return Page();
    }
}
