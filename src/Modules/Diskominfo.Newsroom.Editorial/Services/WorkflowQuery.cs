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
        return new WorkflowView(itemId, workflow.Status, workflow.AwaitingRole, history);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GetStatusesAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
        => await db.Workflows.AsNoTracking()
            .Where(w => itemIds.Contains(w.ItemId))
            .ToDictionaryAsync(w => w.ItemId, w => w.Status, cancellationToken);

    public async Task<Outcome> CanEditAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.ItemId == itemId, cancellationToken);
        return workflow?.CanEdit(actor) ?? Outcome.NotFound("Naskah tidak ditemukan.");
    }
}
