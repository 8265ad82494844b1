using Microsoft.AspNetCore.OutputCaching;
using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Theme.Pages.Kategori;

[AllowAnonymous]
[OutputCache(PolicyName = SiteCache.Policy)]
public sealed class IndexModel(IPublishedContentQuery content, IOptions<SiteOptions> site) : ListingModel(content, site)
{
    public string Category { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(string slug, int? halaman, CancellationToken cancellationToken)
    {
        if (!NewsCategory.All.ContainsKey(slug))
        {
            return Task.FromResult<IActionResult>(NotFound());
        }

        Category = slug;
        BasePath = NewsCategory.Path(slug);
        return ListAsync(new ArticleFilter(Category: slug), halaman, cancellationToken);
    }
}
