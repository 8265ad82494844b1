using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Content.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>Gives the search index the working and the published version of items, the article text as plain words.</summary>
internal sealed class SearchableContent(ContentDbContext db, MarkdownRenderer markdown) : ISearchableContent
{
    public async Task<IReadOnlyList<SearchableItem>> GetAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        var items = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToListAsync(cancellationToken);
        return await ToSearchableAsync(items, cancellationToken);
    }

    public async Task<IReadOnlyList<SearchableItem>> ListAsync(Guid? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Items.AsNoTracking();
        if (after is { } last)
        {
            query = query.Where(i => i.Id.CompareTo(last) > 0);
        }

        var items = await query.OrderBy(i => i.Id).Take(take).ToListAsync(cancellationToken);
        return await ToSearchableAsync(items, cancellationToken);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Items.CountAsync(cancellationToken);

    private async Task<IReadOnlyList<SearchableItem>> ToSearchableAsync(List<ContentItem> items, CancellationToken cancellationToken)
    {
        var versionIds = items.Select(i => i.LatestVersionId)
            .Concat(items.Where(i => i.PublishedVersionId is not null).Select(i => i.PublishedVersionId!.Value))
            .Distinct()
            .ToList();
        var versions = await db.Versions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        return items
            .Where(i => versions.ContainsKey(i.LatestVersionId))
            .Select(i => new SearchableItem(
                i.Id,
                i.ContentType,
                i.OwnerId,
                i.CreatedAt,
                ToSearchable(versions[i.LatestVersionId]),
                i.PublishedVersionId is { } published && versions.TryGetValue(published, out var live) ? ToSearchable(live) : null,
                i.Slug,
                i.PublishedAt))
            .ToList();
    }

    private SearchableVersion ToSearchable(ContentVersion version)
    {
        var parts = version.Parts;
        var article = parts.Article;
        var clipping = parts.Clipping;
        return new SearchableVersion(
            version.Title,
            article?.Lead,
            article is not null ? markdown.ToPlainText(article.Body) : clipping?.Text,
            article?.Category,
            clipping?.Outlet ?? parts.Adventorial?.Outlet,
            clipping?.MediaType,
            clipping?.EditionDate,
            clipping?.Page,
            clipping?.Tone,
            clipping?.Topics ?? []);
    }
}
