using Microsoft.AspNetCore.OutputCaching;
using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Theme.Pages;

/// <summary>The home page: the headline story, the latest news, and a section per category.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = SiteCache.Policy)]
public sealed class IndexModel(IPublishedContentQuery content) : PageModel
{
    public PublishedArticle? Headline { get; private set; }

    public IReadOnlyList<PublishedArticle> Latest { get; private set; } = [];

    public IReadOnlyList<(string Category, IReadOnlyList<PublishedArticle> Articles)> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // One query: the newest 60 give the headline (the newest with a photo), the latest list and the sections.
        var recent = await content.LatestAsync(60, cancellationToken);
        Headline = recent.FirstOrDefault(a => a.Photos.Any(p => p.IsImage)) ?? (recent.Count > 0 ? recent[0] : null);
        Latest = recent.Where(a => a != Headline).Take(8).ToList();
        Sections = recent.Where(a => a.Category is not null)
            .GroupBy(a => a.Category!)
            .OrderBy(g => NewsCategory.All.Keys.ToList().IndexOf(g.Key))
            .Select(g => (g.Key, (IReadOnlyList<PublishedArticle>)g.Take(3).ToList()))
            .ToList();
    }
}
