using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Services;

internal sealed class WorkflowQuery(EditorialDbContext db, EditorialSettings settings) : IWorkflowQuery, IEditGate
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
            .Select(h => new HistoryEntryView(h.Sequence, h.Step, h.Action, h.ActorId, h.ActorName, h.Role, h.At, h.Note, h.ContentHash, h.VersionId, h.EntryHash))
            .ToListAsync(cancellationToken);
        var disposition = await db.Dispositions.AsNoTracking().SingleOrDefaultAsync(d => d.ItemId == itemId, cancellationToken);
        return new WorkflowView(
            itemId, workflow.Status, workflow.OwnerId, workflow.ChainRoles, workflow.StepIndex, workflow.AwaitingRole, history, workflow.PublishAt,
            disposition is null ? null : new DispositionView(disposition.Label, disposition.ReceivedAt, disposition.NewsType),
            workflow.WriterId);
    }

    /// <summary>
    /// Checks the item's buku agenda against its hash chain; null when the item does not exist, or when the actor is a
    /// reporter and the item is not his (reporters see only their own work).
    /// </summary>
    public async Task<ChainVerification?> VerifyAsync(Guid itemId, Actor? actor, CancellationToken cancellationToken)
    {
        var head = await db.Workflows.AsNoTracking().Where(w => w.ItemId == itemId).Select(w => new { w.HeadHash, w.OwnerId }).SingleOrDefaultAsync(cancellationToken);
        if (head is null || (actor is not null && !actor.SeesAllWork && head.OwnerId != actor.UserId))
        {
            return null;
        }

        var entries = await db.History.AsNoTracking().Where(h => h.ItemId == itemId).OrderBy(h => h.Sequence).ToListAsync(cancellationToken);
        return HistoryChain.Verify(entries, head.HeadHash);
    }

    public Task<HistoryCheck?> VerifyHistoryAsync(Guid itemId, CancellationToken cancellationToken)
        => VerifyHistoryAsync(itemId, null, cancellationToken);

    public async Task<HistoryCheck?> VerifyHistoryAsync(Guid itemId, Actor? actor, CancellationToken cancellationToken)
        => await VerifyAsync(itemId, actor, cancellationToken) is { } result
            ? new HistoryCheck(result.Intact, result.Entries, result.BrokenAt,
                result.Intact ? $"Buku agenda utuh: {result.Entries} entri, rantai hash cocok." : result.Problem!)
            : null;

    public async Task<IReadOnlyDictionary<Guid, string>> GetStatusesAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
        => await db.Workflows.AsNoTracking()
            .Where(w => itemIds.Contains(w.ItemId))
            .ToDictionaryAsync(w => w.ItemId, w => w.Status, cancellationToken);

    public async Task<IReadOnlyList<AwaitingItem>> ListAwaitingAsync(Actor actor, CancellationToken cancellationToken)
    {
        // Items in review are few (a working day's copy); whose turn it is follows from each item's own chain.
        var candidates = await db.Workflows.AsNoTracking()
            .Include(w => w.History)
            .Where(w => w.StepIndex >= 0
                        || w.Status == WorkflowStatuses.Ordered
                        || (w.Status == WorkflowStatuses.Returned && w.WriterId == actor.UserId)
                        || (w.Status == WorkflowStatuses.Draft && w.WriterId == actor.UserId && w.WriterId != w.OwnerId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var standards = await settings.StandardsAsync(cancellationToken);
        return candidates
            .Where(w => w.Status switch
            {
                WorkflowStatuses.Ordered => actor.IsInRole(NewsroomRoles.Kabid),
                WorkflowStatuses.Returned or WorkflowStatuses.Draft => true,
                _ => actor.IsInRole(w.AwaitingRole!),
            })
            .Select(w =>
            {
                var open = StepTimes.Measure(w, w.History).LastOrDefault(s => s.End is null);
                var step = open?.Step ?? w.AwaitingRole ?? Steps.Draft;
                var note = w.Status switch
                {
                    WorkflowStatuses.Returned => w.History.Where(h => h.Action == HistoryActions.Returned).MaxBy(h => h.Sequence)?.Note,
                    WorkflowStatuses.Ordered or WorkflowStatuses.Draft => w.History.Where(h => h.Action is HistoryActions.Ordered or HistoryActions.Assigned or HistoryActions.CorrectionStarted).MaxBy(h => h.Sequence)?.Note,
                    _ => null,
                };
                var role = w.Status == WorkflowStatuses.Ordered ? NewsroomRoles.Kabid : w.AwaitingRole;
                return new AwaitingItem(w.ItemId, w.Status, role, open?.Start ?? w.UpdatedAt, note, standards.Minutes(w.ContentType, step));
            })
            .OrderBy(a => a.Since)
            .ToList();
    }

    public async Task<Outcome> CanEditAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.ItemId == itemId, cancellationToken);
        return workflow?.CanEdit(actor) ?? Outcome.NotFound("Naskah tidak ditemukan.");
    }
}
