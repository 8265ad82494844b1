using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Services;

/// <summary>
/// The checklist before submission and signature: the content type's checks for each channel the item is to be
/// published to (the website always; Facebook and Instagram when connected; no Instagram for a correction).
/// </summary>
internal sealed class ChecklistService(EditorialDbContext db, IContentCatalog content, IPublicationTargets targets, EditorialSettings settings)
    : IEditorialChecklist
{
    public async Task<ChecklistResult?> CheckAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.ItemId == itemId, cancellationToken);
        var snapshot = await content.GetLatestAsync(itemId, cancellationToken);
        return workflow is null || snapshot is null ? null : await CheckAsync(workflow, snapshot, cancellationToken);
    }

    public async Task<ChecklistResult> CheckAsync(Workflow workflow, ContentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var channels = await targets.ChannelsAsync(workflow.ContentType, workflow.IsCorrection, cancellationToken);
        var checks = (await settings.ChecklistAsync(workflow.ContentType, cancellationToken)).Where(c => channels.Contains(c.Channel)).ToList();
        return new ChecklistResult(channels, Checklist.Evaluate(snapshot, checks));
    }
}
