using Microsoft.AspNetCore.OutputCaching;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Theme.Pages;

/// <summary>An article: its text, photos, corrections and related news, with what search engines and sharing need.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = SiteCache.Policy)]
internal sealed class ArticleModel(IPublishedContentQuery content, IOptions<SiteOptions> site, Identity.SiteIdentityStore identities) : PageModel
{
    public PublishedArticle? Article { get; private set; }

    public IReadOnlyList<ArticleLink> Related { get; private set; } = [];

    public SiteOptions Site => site.Value;

    /// <summary>The press release's video, when it has one.</summary>
    public VideoEmbed? Video { get; private set; }

    public Identity.SiteIdentity Identity { get; private set; } = null!;

    /// <summary>How many other articles of its category an article page links to.</summary>
    private const int RelatedCount = 4;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // One database round trip: the article, its corrections and its related news (the identity is kept in memory).
        var view = await content.ArticleViewAsync(slug, RelatedCount, cancellationToken);
        if (view is null)
        {
            // A slug never changes once published; an address typed in other letters or with a trailing slash leads to it.
            var canonical = slug.Trim('/').ToLowerInvariant();
            return canonical != slug && await content.GetBySlugAsync(canonical, cancellationToken) is { } found
                ? RedirectPermanent(found.Path)
                : NotFound();
        }

        (Article, Related) = (view.Article, view.Related);
        Identity = await identities.GetAsync(cancellationToken);
        SiteCache.TagArticle(HttpContext, Article);
        Video = VideoEmbed.From(Article.VideoUrl);
        if (Video?.Player is not null)
        {
            Infrastructure.Http.ContentSecurityPolicy.AllowFrames(HttpContext, VideoEmbed.FrameSources);
        }

        ViewData["Canonical"] = Article.Path;
        return Page();
    }

    public string? ShareImage => Article!.Photos.FirstOrDefault(p => p.IsImage) is { } photo ? Site.Absolute(MediaPaths.Photo(photo.MediaId, MediaPaths.Share)) : null;

    public string Description => Article!.Lead ?? Article.Title;

    private static readonly JsonSerializerOptions JsonLdOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    private Dictionary<string, string> Organization() => new() { ["@type"] = "Organization", ["name"] = Identity.Publisher };

    /// <summary>schema.org NewsArticle, as JSON-LD.</summary>
    public string JsonLd()
    {
        var article = Article!;
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = Site.Absolute(article.Path),
            ["headline"] = article.Title.Length > 110 ? article.Title[..110] : article.Title,
            ["description"] = Description,
            ["datePublished"] = article.PublishedAt.ToString("o"),
            ["dateModified"] = article.ModifiedAt.ToString("o"),
            ["articleSection"] = article.CategoryLabel,
            ["inLanguage"] = "id-ID",
            ["image"] = article.Photos.Where(p => p.IsImage).Select(p => Site.Absolute(MediaPaths.Photo(p.MediaId, MediaPaths.Share))).ToList(),
            ["author"] = Organization(),
            ["publisher"] = Organization(),
        };
        // Escaped so that no "</script>" in a title can close the element.
        return JsonSerializer.Serialize(data, JsonLdOptions);
    }
}
