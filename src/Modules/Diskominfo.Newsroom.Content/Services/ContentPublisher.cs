using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>The website channel's end: makes a signed version the live one, giving the item its permanent slug.</summary>
internal sealed class ContentPublisher(ContentDbContext db) : IContentPublisher
{
    public async Task<string> PublishAsync(
        Guid itemId, Guid versionId, DateTimeOffset publishedAt, string? correctionNote, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleAsync(i => i.Id == itemId, cancellationToken);
        var version = await db.Versions.SingleAsync(v => v.Id == versionId && v.ItemId == itemId, cancellationToken);
        if (item.PublishedVersionId != versionId)
        {
            if (item.PublishedVersionId is not null && correctionNote is not null)
            {
                db.Corrections.Add(new Models.Correction { ItemId = itemId, VersionId = versionId, Note = correctionNote, CorrectedAt = publishedAt });
            }

            item.PublishedVersionId = versionId;
            item.PublishedAt ??= publishedAt;
            item.Category = version.Parts.Article?.Category;
            item.PublishedTitle = version.Title;
            item.Slug ??= await UniqueSlugAsync(Slugs.FromTitle(version.Title), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return ArticlePath(item.Slug!);
    }

    public static string ArticlePath(string slug) => ArticleAddress.Path(slug);

    private async Task<string> UniqueSlugAsync(string baseSlug, CancellationToken cancellationToken)
    {
        var taken = await db.Items
            .Where(i => i.Slug != null && (i.Slug == baseSlug || i.Slug.StartsWith(baseSlug + "-")))
            .Select(i => i.Slug!)
            .ToListAsync(cancellationToken);
        if (!taken.Contains(baseSlug))
        {
            return baseSlug;
        }

        var n = 2;
        while (taken.Contains($"{baseSlug}-{n}"))
        {
            n++;
        }

        return $"{baseSlug}-{n}";
    }
}
