using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Handlers;

/// <summary>Keeps the item's way through the office in step with what the other modules report.</summary>
internal sealed class WorkflowHandlers(EditorialDbContext db, EditorialSettings settings, IEventPublisher events) :
    IEventHandler<ItemCreated>,
    IEventHandler<ItemContentChanged>,
    IEventHandler<PublicationFinished>,
    IEventHandler<ItemArchived>
{
    public async Task HandleAsync(ItemCreated @event, CancellationToken cancellationToken)
    {
        // The item keeps the chain in force when it was created, whatever an admin changes later.
        var chain = await settings.ChainAsync(@event.ContentType, ChainKinds.Standard, cancellationToken);
        if (@event.IsOrder)
        {
            db.Workflows.Add(Workflow.StartOrder(
                @event.ItemId, @event.ContentType, chain, @event.OwnerId, @event.OwnerName, @event.OrderNote!, @event.ContentHash, @event.At, @event.SectionId));
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new ItemAwaiting(
                @event.ItemId, Abstractions.Security.NewsroomRoles.Kabid, null, AwaitingReasons.Ordered, @event.OwnerId, @event.OwnerName, @event.OrderNote, @event.At,
                @event.SectionId), cancellationToken);
            return;
        }

        db.Workflows.Add(Workflow.Start(@event.ItemId, @event.ContentType, chain, @event.OwnerId, @event.OwnerName, @event.ContentHash, @event.At, @event.SectionId));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(ItemContentChanged @event, CancellationToken cancellationToken)
    {
        var workflow = await LoadAsync(@event.ItemId, cancellationToken);
        var stepBefore = workflow.StepIndex;
        workflow.ContentChanged(@event.ActorId, @event.ActorName, @event.ActorRoles, @event.ContentHash, @event.VersionId, @event.At);
        await db.SaveChangesAsync(cancellationToken);
        if (stepBefore > 0 && workflow.StepIndex == 0)
        {
            // The approvals given no longer hold: the first approver must look at the changed copy again.
            await events.PublishAsync(new ItemAwaiting(
                workflow.ItemId, workflow.AwaitingRole, null, AwaitingReasons.Invalidated, @event.ActorId, @event.ActorName, null, @event.At,
                workflow.SectionId, workflow.ExcludedFromStep()), cancellationToken);
        }
    }

    public async Task HandleAsync(PublicationFinished @event, CancellationToken cancellationToken)
    {
        if (@event is not { Channel: PublicationChannels.Website, Status: PublicationStatuses.Published })
        {
            return;
        }

        var workflow = await LoadAsync(@event.ItemId, cancellationToken);
        if (workflow.MarkPublished(@event.Url, @event.At))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task HandleAsync(ItemArchived @event, CancellationToken cancellationToken)
    {
        var workflow = await LoadAsync(@event.ItemId, cancellationToken);
        if (workflow.MarkArchived(@event.Number, @event.Classification, @event.At))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task<Workflow> LoadAsync(Guid itemId, CancellationToken cancellationToken)
        => db.Workflows.Include(w => w.History).SingleAsync(w => w.ItemId == itemId, cancellationToken);
}
