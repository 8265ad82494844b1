using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Services;

internal sealed class WorkflowQuery(EditorialDbContext db) : IWorkflowQuery, IEditGate
{
    public async Task<WorkflowView?> GetAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.ItemId == itemId, cancellationToken);
        if (workflow is null)
        {
            return null;
        }

        var history = await db.History.AsNoTracking()
            .Where(h => h.ItemId == itemId)
            .OrderBy(h => h.Sequence)
            .Select(h => new HistoryEntryView(h.Sequence, h.Step, h.Action, h.ActorId, h.ActorName, h.Role, h.At, h.Note, h.ContentHash))
            .ToListAsync(cancellationToken);
        return new WorkflowView(itemId, workflow.Status, workflow.OwnerId, workflow.ChainRoles, workflow.StepIndex, workflow.AwaitingRole, history);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GetStatusesAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
        => await db.Workflows.AsNoTracking()
            .Where(w => itemIds.Contains(w.ItemId))
            .ToDictionaryAsync(w => w.ItemId, w => w.Status, cancellationToken);

    public async Task<IReadOnlyList<AwaitingItem>> ListAwaitingAsync(Actor actor, CancellationToken cancellationToken)
    {
        // Items in review are few (a working day's copy); the role of the step is computed from the chain in memory.
        var inReview = await db.Workflows.AsNoTracking().Where(w => w.StepIndex >= 0).ToListAsync(cancellationToken);
        var returned = await db.Workflows.AsNoTracking()
            .Where(w => w.Status == WorkflowStatuses.Returned && w.OwnerId == actor.UserId)
            .ToListAsync(cancellationToken);
        var returnedIds = returned.Select(w => w.ItemId).ToList();
        var notes = (await db.History.AsNoTracking()
                .Where(h => returnedIds.Contains(h.ItemId) && h.Action == Models.HistoryActions.Returned)
                .Select(h => new { h.ItemId, h.Sequence, h.Note })
                .ToListAsync(cancellationToken))
            .GroupBy(h => h.ItemId)
            .ToDictionary(g => g.Key, g => g.MaxBy(h => h.Sequence)!.Note);
        return inReview
            .Where(w => actor.IsInRole(w.AwaitingRole!))
            .Select(w => new AwaitingItem(w.ItemId, w.Status, w.AwaitingRole, w.UpdatedAt, null))
            .Concat(returned.Select(w => new AwaitingItem(w.ItemId, w.Status, null, w.UpdatedAt, notes.GetValueOrDefault(w.ItemId))))
            .OrderBy(a => a.Since)
            .ToList();
    }

    public async Task<Outcome> CanEditAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.ItemId == itemId, cancellationToken);
        return workflow?.CanEdit(actor) ?? Outcome.NotFound("Naskah tidak ditemukan.");
    }
}
