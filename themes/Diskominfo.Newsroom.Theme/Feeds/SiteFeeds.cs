using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Infrastructure.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Theme.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 for all news and per category, the sitemap (with news and image entries), robots.txt. Text from
/// people is written without the characters XML cannot hold, so that one article cannot break a feed for every reader.
/// </summary>
internal static class SiteFeeds
{
    private const int FeedSize = 20;

    public static void MapSiteFeeds(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (file, rss) in new[] { ("rss.xml", true), ("atom.xml", false) })
        {
            endpoints.MapGet("/" + file, (IPublishedContentQuery content, IOptions<SiteOptions> site, Identity.SiteIdentityStore identity, CancellationToken ct)
                => FeedAsync(content, site.Value, identity, null, rss, ct)).AllowAnonymous().CacheOutput(SiteCache.Policy).ExcludeFromDescription();
            endpoints.MapGet("/kategori/{slug}/" + file, (string slug, IPublishedContentQuery content, IOptions<SiteOptions> site, Identity.SiteIdentityStore identity, CancellationToken ct)
                => FeedAsync(content, site.Value, identity, slug, rss, ct)).AllowAnonymous().CacheOutput(SiteCache.Policy).ExcludeFromDescription();
        }

        endpoints.MapGet("/sitemap.xml", SitemapAsync).AllowAnonymous().CacheOutput(SiteCache.Policy).ExcludeFromDescription();
        endpoints.MapGet("/robots.txt", (IOptions<SiteOptions> site) => Results.Text(
            $"User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /api\nDisallow: /masuk\nDisallow: /cari\n\nSitemap: {site.Value.Absolute("/sitemap.xml")}\n",
            "text/plain", Encoding.UTF8)).AllowAnonymous().CacheOutput(SiteCache.Policy).ExcludeFromDescription();
    }

    private static async Task<IResult> FeedAsync(
        IPublishedContentQuery content, SiteOptions site, Identity.SiteIdentityStore identities, string? category, bool rss, CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(cancellationToken);
        if (category is not null && !NewsCategory.All.ContainsKey(category))
        {
            return Results.NotFound();
        }

        var page = await content.ListAsync(new ArticleFilter(Category: category), 1, FeedSize, cancellationToken);
        var basePath = category is null ? "" : NewsCategory.Path(category);
        var title = UntrustedText.ForXml(category is null ? identity.Name : $"{identity.Name}: {NewsCategory.Label(category)}");
        var feed = new SyndicationFeed(title, UntrustedText.ForXml($"Berita terbaru dari {identity.Publisher}"), new Uri(site.Absolute(basePath == "" ? "/" : basePath)))
        {
            Id = site.Absolute(basePath + (rss ? "/rss.xml" : "/atom.xml")),
            Language = "id",
            LastUpdatedTime = page.Items.Count == 0 ? DateTimeOffset.UnixEpoch : page.Items.Max(a => a.ModifiedAt),
            Items = page.Items.Select(a => Item(a, site)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = UntrustedText.ForXml(identity.Publisher) });
        feed.Links.Add(new SyndicationLink(new Uri(feed.Id), "self", title, rss ? "application/rss+xml" : "application/atom+xml", 0));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            SyndicationFeedFormatter formatter = rss ? new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return Results.Bytes(stream.ToArray(), rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
    }

    private static SyndicationItem Item(PublishedArticle article, SiteOptions site)
    {
        var url = site.Absolute(article.Path);
        var item = new SyndicationItem(UntrustedText.ForXml(article.Title), UntrustedText.ForXml(article.Lead), new Uri(url), url, article.ModifiedAt)
        {
            PublishDate = article.PublishedAt,
        };
        if (article.CategoryLabel is not null)
        {
            item.Categories.Add(new SyndicationCategory(UntrustedText.ForXml(article.CategoryLabel)));
        }

        if (article.Photos.FirstOrDefault(p => p.IsImage) is { } photo)
        {
            item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(site.Absolute(MediaPaths.Photo(photo.MediaId, MediaPaths.Share))), "image/jpeg", 0));
        }

        return item;
    }

    /// <summary>
    /// Every article with its last change and its photos (image sitemap); those of the last two days also as news
    /// (Google News sitemaps take only those).
    /// </summary>
    private static async Task<IResult> SitemapAsync(
        IPublishedContentQuery content, IOptions<SiteOptions> options, Identity.SiteIdentityStore identities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(cancellationToken);
        const string Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        const string News = "http://www.google.com/schemas/sitemap-news/0.9";
        const string Image = "http://www.google.com/schemas/sitemap-image/1.1";
        var site = options.Value;
        var articles = await content.AllAsync(cancellationToken);
        var recent = clock.GetUtcNow().AddDays(-2);
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("urlset", Sitemap);
            w.WriteAttributeString("xmlns", "news", null, News);
            w.WriteAttributeString("xmlns", "image", null, Image);
            w.WriteStartElement("url", Sitemap);
            w.WriteElementString("loc", Sitemap, site.Absolute("/"));
            w.WriteEndElement();
            foreach (var article in articles)
            {
                w.WriteStartElement("url", Sitemap);
                w.WriteElementString("loc", Sitemap, site.Absolute(article.Path));
                w.WriteElementString("lastmod", Sitemap, article.ModifiedAt.ToString("yyyy-MM-ddTHH:mm:sszzz"));
                if (article.PublishedAt >= recent)
                {
                    w.WriteStartElement("news", "news", News);
                    w.WriteStartElement("news", "publication", News);
                    w.WriteElementString("news", "name", News, UntrustedText.ForXml(identity.Name));
                    w.WriteElementString("news", "language", News, "id");
                    w.WriteEndElement();
                    w.WriteElementString("news", "publication_date", News, article.PublishedAt.ToString("yyyy-MM-ddTHH:mm:sszzz"));
                    w.WriteElementString("news", "title", News, UntrustedText.ForXml(article.Title));
                    w.WriteEndElement();
                }

                foreach (var photo in article.Photos.Where(p => p.IsImage))
                {
                    w.WriteStartElement("image", "image", Image);
                    w.WriteElementString("image", "loc", Image, site.Absolute(MediaPaths.Width(photo.MediaId, 1200)));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return Results.Bytes(stream.ToArray(), "application/xml; charset=utf-8");
    }
}
