using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Theme.Pages;

[AllowAnonymous]
public sealed class IndexModel(IPublishedContentQuery content) : PageModel
{
    public IReadOnlyList<PublishedArticle> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Articles = await content.LatestAsync(20, cancellationToken);
}
