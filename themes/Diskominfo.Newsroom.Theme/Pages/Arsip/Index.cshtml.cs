using Microsoft.AspNetCore.OutputCaching;
using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Theme.Pages.Arsip;

/// <summary>The months that have news, each linking to its archive page.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = SiteCache.Policy)]
public sealed class IndexModel(IPublishedContentQuery content) : PageModel
{
    public IReadOnlyList<ArchiveMonth> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Months = await content.MonthsAsync(cancellationToken);
}
