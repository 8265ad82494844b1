using Microsoft.AspNetCore.OutputCaching;
using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Theme.Pages.Arsip;

[AllowAnonymous]
[OutputCache(PolicyName = SiteCache.Policy)]
public sealed class MonthModel(IPublishedContentQuery content, IOptions<SiteOptions> site) : ListingModel(content, site)
{
    public int Year { get; private set; }

    public int Month { get; private set; }

    public Task<IActionResult> OnGetAsync(int year, int month, int? halaman, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100 || month is < 1 or > 12)
        {
            return Task.FromResult<IActionResult>(NotFound());
        }

        (Year, Month) = (year, month);
        BasePath = $"/arsip/{year}/{month:00}";
        return ListAsync(new ArticleFilter(Year: year, Month: month), halaman, cancellationToken);
    }
}
