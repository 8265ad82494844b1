using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// Who sees what of an item. Approvers, archivists, operators and admins see every item's work; a reporter the items
/// he owns or writes (the current round's writer: a correction's), and those awaiting a step he may take as Plh/Plt
/// (he must read what he signs). Everyone else sees a published item's published version, and nothing of the rest:
/// not his seksi colleagues' drafts either, since the seksi's Kasi, not its reporters, reviews them.
/// </summary>
internal sealed class ItemAccess(ContentDbContext db, IWorkflowQuery workflows, IOrganization organization, TimeProvider clock) : IItemAccess
{
    public async Task<ItemSight> SightAsync(Guid itemId, Actor? actor, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking()
            .Where(i => i.Id == itemId)
            .Select(i => new { i.OwnerId, Published = i.PublishedVersionId != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return ItemSight.None;
        }

        if (actor is { IsStaff: true } && (actor.SeesAllWork || actor.UserId == item.OwnerId || await WritesOrActsOnAsync(itemId, actor, cancellationToken)))
        {
            return ItemSight.Work;
        }

        return item.Published ? ItemSight.Published : ItemSight.None;
    }

    private async Task<bool> WritesOrActsOnAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        var flow = await workflows.GetAsync(itemId, cancellationToken);
        if (flow is null)
        {
            return false;
        }

        if (flow.Writer == actor.UserId)
        {
            return true;
        }

        var role = flow.Status == WorkflowStatuses.Ordered ? NewsroomRoles.Kabid : flow.AwaitingRole;
        if (role is null || (flow.ExcludedFromStep ?? []).Contains(actor.UserId))
        {
            return false;
        }

        var positions = await organization.PositionsAsync(actor, clock.GetUtcNow(), cancellationToken);
        return positions.Any(p => p.Covers(role, flow.SectionId));
    }
}
