using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace Diskominfo.Newsroom.Theme;

/// <summary>
/// The public pages are kept rendered (for readers who are not signed in) until what they show changes: lists,
/// feeds and the sitemap carry the tag <see cref="Lists"/>, an article page its own tag and its category's (its
/// related news). Publishing or correcting an item evicts exactly those, once the change is committed.
/// </summary>
public static class SiteCache
{
    public const string Policy = "public-site";

    public const string Lists = "site-lists";

    /// <summary>Every public page: the identity (name, colour, logo, footer) is on all of them.</summary>
    public const string Everything = "site-all";

    public static string Article(Guid itemId) => $"article-{itemId:N}";

    public static string Category(string category) => $"category-{category}";

    /// <summary>
    /// A kept page is kept per everything a reader's request changes on it, and nothing else: its address (path), the
    /// page number and search words (<c>halaman</c>, <c>q</c>), and the interface language as request localization
    /// settled it (from the reader's language cookie, before this policy runs). Every other query parameter, the
    /// <c>Host</c> and forwarded headers and any other cookie stay out of the key, and no public page reads them
    /// (absolute links come from <c>Newsroom:PublicBaseUrl</c>), so no reader's request changes what another reader gets.
    /// </summary>
    public static void Configure(OutputCacheOptions options, bool enabled)
        => options.AddPolicy(Policy, b => (enabled ? b : b.NoCache())
            .Expire(TimeSpan.FromMinutes(10)) // every node evicts on a node signal; this only bounds what a lost signal leaves
            .Tag(Lists, Everything)
            .SetVaryByQuery("halaman", "q")
            .SetVaryByHost(false)
            .VaryByValue(_ => new KeyValuePair<string, string>("ui-culture", CultureInfo.CurrentUICulture.Name))
            .AddPolicy<KeptPagePolicy>()); // last: the kept pages for readers without cookies follow every rule above

    /// <summary>Tags the current response with an article's own tags (instead of the lists').</summary>
    public static void TagArticle(HttpContext http, PublishedArticle article)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            feature.Context.Tags.Remove(Lists);
            feature.Context.Tags.Add(Article(article.ItemId));
            if (article.Category is not null)
            {
                feature.Context.Tags.Add(Category(article.Category));
            }
        }
    }
}

/// <summary>
/// When an item goes live on the website (first time or corrected), its pages and every list are rendered anew, on
/// every node (<see cref="SiteCacheSignals"/>).
/// </summary>
internal sealed class EvictOnPublication(SiteCacheSignals cache, IPublishedContentQuery content, NewsroomDatabase database) : IEventHandler<PublicationFinished>
{
    public async Task HandleAsync(PublicationFinished @event, CancellationToken cancellationToken)
    {
        if (@event.Channel != PublicationChannels.Website || @event.Status != PublicationStatuses.Published)
        {
            return;
        }

        var article = await content.GetByIdAsync(@event.ItemId, cancellationToken);
        List<string> tags = [SiteCache.Lists, SiteCache.Article(@event.ItemId)];
        if (article?.Category is { } category)
        {
            tags.Add(SiteCache.Category(category));
        }

        await database.AfterCommitAsync(() => cache.EvictAsync(tags, CancellationToken.None));
    }
}
