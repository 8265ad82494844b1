using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Handlers;

/// <summary>
/// A publication moved on the calendar: the item's publish-later time and its buku agenda follow, as if the mover had
/// set the time on the item (the same rule decides; a refusal leaves the workflow as it was).
/// </summary>
internal sealed class RecordPublicationRescheduled(EditorialDbContext db, IOrganization organization) : IEventHandler<PublicationRescheduled>
{
    public async Task HandleAsync(PublicationRescheduled @event, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.Include(w => w.History).SingleOrDefaultAsync(w => w.ItemId == @event.ItemId, cancellationToken);
        if (workflow is null || workflow.PublishAt == @event.PublishAt)
        {
            return;
        }

        var positions = await organization.PositionsAsync(@event.Actor, @event.At, cancellationToken);
        var asKadis = positions.FirstOrDefault(p => p.Covers(NewsroomRoles.Kadis, workflow.SectionId));
        if (workflow.Schedule(@event.Actor, asKadis, @event.PublishAt, @event.At).Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
