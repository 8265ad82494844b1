using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Theme.Pages;

[AllowAnonymous]
public sealed class ArticleModel(IPublishedContentQuery content) : PageModel
{
    public PublishedArticle? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Article = await content.GetBySlugAsync(slug, cancellationToken);
        return Article is null ? NotFound() : Page();
    }
}
