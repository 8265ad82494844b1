using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// Reads items for the API and the desk, composing the other modules' views through their contracts. Who sees what is
/// <see cref="IItemAccess"/>'s rule: those who may see an item's work get its working version with the history,
/// publications and archive; everyone else a published item's public shape, and nothing of an unpublished one.
/// </summary>
internal sealed class ItemReader(
    ContentDbContext db,
    IItemAccess access,
    IWorkflowQuery workflow,
    IPublicationQuery publications,
    IArchiveQuery archive,
    IPublishedContentQuery published,
    Abstractions.Organization.IOrganization organization,
    TimeProvider clock)
{
    /// <summary>
    /// The item as the API shows it: the work (<see cref="ItemRead.Work"/>) for those who may see it, the public shape
    /// (<see cref="ItemRead.Public"/>) of a published item for everyone else; null when neither.
    /// </summary>
    public async Task<ItemRead?> GetAsync(Guid itemId, Actor? actor, CancellationToken cancellationToken)
    {
        switch (await access.SightAsync(itemId, actor, cancellationToken))
        {
            case ItemSight.Work:
                return await ReadWorkAsync(itemId, composeOtherModules: true, cancellationToken) is { } work ? new ItemRead(work, null) : null;
            case ItemSight.Published:
                return await published.GetByIdAsync(itemId, cancellationToken) is { } article ? new ItemRead(null, ToPublic(article)) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The working version for the desk, or null when the actor may not see the item's work. The other modules'
    /// views are left out: on the desk their own panels show them.
    /// </summary>
    public async Task<ItemDetails?> GetWorkAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
        => await access.SightAsync(itemId, actor, cancellationToken) == ItemSight.Work
            ? await ReadWorkAsync(itemId, composeOtherModules: false, cancellationToken)
            : null;

    /// <summary>What the website shows of a published article, as the API's public shape.</summary>
    public static PublicItem ToPublic(PublishedArticle article) => new(
        article.ItemId,
        article.ContentType,
        article.Title,
        article.Lead,
        article.BodyHtml,
        article.Category,
        article.CategoryLabel,
        article.EventDate,
        article.EventPlace,
        article.ContentType == ContentTypes.Adventorial,
        article.Photos.Where(p => p.IsImage)
            .Select(p => new PublicPhoto(MediaPaths.Width(p.MediaId, 1200), MediaPaths.Photo(p.MediaId, MediaPaths.Thumbnail), p.Caption, p.Credit))
            .ToList(),
        article.Path,
        article.PublishedAt,
        article.ModifiedAt,
        (article.Corrections ?? []).Select(c => new PublicCorrection(c.At, c.Note)).ToList());

    private async Task<ItemDetails?> ReadWorkAsync(Guid itemId, bool composeOtherModules, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var version = await db.Versions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId, cancellationToken);
        var flow = await workflow.GetAsync(itemId, cancellationToken);
        var status = flow?.Status ?? WorkflowStatuses.Draft;
        var article = version.Parts.Article;
        var section = item.SectionId is { } sectionId
            ? (await organization.ListSectionsAsync(cancellationToken)).FirstOrDefault(s => s.Id == sectionId)
            : null;
        var details = new ItemDetails
        {
            Id = item.Id,
            Type = item.ContentType,
            Status = status,
            StatusLabel = WorkflowStatuses.Label(status),
            AwaitingRole = flow?.AwaitingRole,
            Version = version.Number,
            ContentHash = version.ContentHash,
            Owner = item.OwnerId,
            OwnerName = item.OwnerName,
            Section = item.SectionId,
            SectionName = section?.Name,
            Title = version.Title,
            Lead = article?.Lead,
            Body = article?.Body,
            Category = article?.Category,
            EventDate = article?.EventDate,
            EventPlace = article?.EventPlace,
            VideoUrl = article?.VideoUrl,
            Clipping = version.Parts.Clipping,
            Adventorial = version.Parts.Adventorial,
            Photos = version.Parts.Photos
                .Select(p => new PhotoDetails(p.MediaId, MediaPaths.Original(p.MediaId), p.Caption, p.Credit, p.Width, p.Height, p.ContentType))
                .ToList(),
            Slug = item.Slug,
            Url = item.Slug is null ? null : ContentPublisher.ArticlePath(item.Slug),
            PublishedAt = item.PublishedAt,
        };
        if (!composeOtherModules)
        {
            return details;
        }

        return details with
        {
            History = flow?.History ?? [],
            Disposition = flow?.Disposition,
            PublishAt = flow?.PublishAt,
            EmbargoUntil = flow?.EmbargoUntil,
            Publications = await publications.ListAsync(itemId, cancellationToken),
            Archive = await archive.GetAsync(itemId, cancellationToken),
        };
    }

    public async Task<IReadOnlyList<ItemSummary>> ListAsync(Actor actor, int take, CancellationToken cancellationToken)
    {
        var query = db.Items.AsNoTracking();
        if (!actor.SeesAllWork)
        {
            query = query.Where(i => i.OwnerId == actor.UserId);
        }

        var rows = await (from item in query
                          join version in db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                          orderby item.CreatedAt descending
                          select new { item, version.Title })
            .Take(take)
            .ToListAsync(cancellationToken);
        var statuses = await workflow.GetStatusesAsync(rows.Select(r => r.item.Id).ToList(), cancellationToken);
        return rows.Select(r =>
        {
            var status = statuses.GetValueOrDefault(r.item.Id, WorkflowStatuses.Draft);
            return new ItemSummary(
                r.item.Id, r.item.ContentType, r.Title, status, WorkflowStatuses.Label(status), r.item.OwnerName, r.item.CreatedAt,
                r.item.Slug is null ? null : ContentPublisher.ArticlePath(r.item.Slug));
        }).ToList();
    }

    /// <summary>What awaits the actor (from the approval chain), with the items' titles.</summary>
    public async Task<IReadOnlyList<AwaitingRow>> ListAwaitingAsync(Actor actor, CancellationToken cancellationToken)
    {
        var awaiting = await workflow.ListAwaitingAsync(actor, cancellationToken);
        var ids = awaiting.Select(a => a.ItemId).ToList();
        var items = await (from item in db.Items.AsNoTracking()
                           join version in db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                           where ids.Contains(item.Id)
                           select new { item.Id, item.ContentType, version.Title })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var now = clock.GetUtcNow();
        return awaiting
            .Where(a => items.ContainsKey(a.ItemId))
            .Select(a => new AwaitingRow(
                a.ItemId, items[a.ItemId].ContentType, items[a.ItemId].Title, a.Status,
                a.AwaitingRole is { } role ? $"Menunggu {NewsroomRoles.Title(role)}" : WorkflowStatuses.Label(a.Status),
                a.AwaitingRole, a.Since, a.Note, (int)Math.Floor(a.WorkingMinutes ?? (now - a.Since).TotalMinutes), a.StandardMinutes, a.ActingAs,
                a.DueAt, a.Standard))
            .ToList();
    }
}
