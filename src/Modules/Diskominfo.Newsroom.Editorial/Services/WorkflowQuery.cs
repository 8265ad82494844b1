using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Services;

internal sealed class WorkflowQuery(
    EditorialDbContext db, EditorialSettings settings, IOrganization organization, HistoryChain chain, IWorkingCalendar workingCalendar, TimeProvider clock)
    : IWorkflowQuery, IEditGate, IEmbargoQuery
{
    public async Task<WorkflowView?> GetAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().Include(w => w.History).SingleOrDefaultAsync(w => w.ItemId == itemId, cancellationToken);
        if (workflow is null)
        {
            return null;
        }

        var history = workflow.History
            .OrderBy(h => h.Sequence)
            .Select(h => new HistoryEntryView(
                h.Sequence, h.Step, h.Action, h.ActorId, h.ActorName, h.Role, h.At, h.Note, h.ContentHash, h.VersionId, h.EntryHash, h.ActingAs, h.Reference))
            .ToList();
        var disposition = await db.Dispositions.AsNoTracking().SingleOrDefaultAsync(d => d.ItemId == itemId, cancellationToken);
        return new WorkflowView(
            itemId, workflow.Status, workflow.OwnerId, workflow.ChainRoles, workflow.StepIndex, workflow.AwaitingRole, history, workflow.PublishAt,
            disposition is null ? null : new DispositionView(disposition.Label, disposition.ReceivedAt, disposition.NewsType),
            workflow.WriterId,
            workflow.SectionId,
            workflow.InReview ? workflow.ExcludedFromStep() : [])
        {
            EmbargoUntil = workflow.EmbargoUntil,
            ReturnsToRole = workflow.ReturnsToRole(await settings.ReturnModeAsync(workflow.ContentType, cancellationToken) == ReturnModes.Previous),
        };
    }

    public async Task<DateTimeOffset?> NotBeforeAsync(Guid itemId, CancellationToken cancellationToken)
        => await db.Workflows.AsNoTracking().Where(w => w.ItemId == itemId).Select(w => w.EmbargoUntil).SingleOrDefaultAsync(cancellationToken);

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
        return chain.Verify(entries, head.HeadHash);
    }

    public Task<HistoryCheck?> VerifyHistoryAsync(Guid itemId, CancellationToken cancellationToken)
        => VerifyHistoryAsync(itemId, null, cancellationToken);

    public async Task<HistoryCheck?> VerifyHistoryAsync(Guid itemId, Actor? actor, CancellationToken cancellationToken)
        => await VerifyAsync(itemId, actor, cancellationToken) is { } result
            ? new HistoryCheck(result.Intact, result.Entries, result.BrokenAt, result.Message) { UnkeyedEntries = result.Unkeyed }
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
        var calendar = await workingCalendar.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var positions = await organization.PositionsAsync(actor, now, cancellationToken);

        // The post the actor would take the item's step in (his own first); null when the item is not his to act on.
        ActingPosition? PostFor(Workflow w) => w.Status switch
        {
            WorkflowStatuses.Ordered => positions.FirstOrDefault(p => p.Covers(NewsroomRoles.Kabid, w.SectionId)),
            _ => w.IsWriter(actor.UserId) || w.StepTakers().Contains(actor.UserId) ? null : positions.FirstOrDefault(p => p.Covers(w.AwaitingRole!, w.SectionId)),
        };

        return candidates
            .Select(w => (Workflow: w, Post: w.Status is WorkflowStatuses.Returned or WorkflowStatuses.Draft ? null : PostFor(w)))
            .Where(c => c.Workflow.Status is WorkflowStatuses.Returned or WorkflowStatuses.Draft || c.Post is not null)
            .Select(c =>
            {
                var w = c.Workflow;
                var open = StepTimes.Measure(w, w.History).LastOrDefault(s => s.End is null);
                var step = open?.Step ?? w.AwaitingRole ?? Steps.Draft;
                var note = w.Status switch
                {
                    WorkflowStatuses.Returned => w.History.Where(h => h.Action == HistoryActions.Returned).MaxBy(h => h.Sequence)?.Note,
                    _ when w.InReview => w.History.Where(h => h.Action is HistoryActions.Submitted or HistoryActions.Approved or HistoryActions.ReturnedToStep or HistoryActions.ApprovalsInvalidated)
                        .MaxBy(h => h.Sequence) is { Action: HistoryActions.ReturnedToStep } back ? back.Note : null,
                    WorkflowStatuses.Ordered or WorkflowStatuses.Draft => w.History.Where(h => h.Action is HistoryActions.Ordered or HistoryActions.Assigned or HistoryActions.CorrectionStarted).MaxBy(h => h.Sequence)?.Note,
                    _ => null,
                };
                var role = w.Status == WorkflowStatuses.Ordered ? NewsroomRoles.Kabid : w.AwaitingRole;
                var since = open?.Start ?? w.UpdatedAt;
                var standard = standards.For(w.ContentType, step);
                return new AwaitingItem(
                    w.ItemId, w.Status, role, since, note, (int)Math.Round(standard.WorkingTime(calendar).TotalMinutes),
                    c.Post is { IsDelegated: true } post ? post.LegalForm : null)
                {
                    DueAt = standard.Due(since, calendar),
                    Standard = standard.ToString(),
                    WorkingMinutes = calendar.WorkingTimeBetween(since, now).TotalMinutes,
                };
            })
            .OrderBy(a => a.Since)
            .ToList();
    }

    public async Task<Outcome> CanEditAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.AsNoTracking().Include(w => w.History).SingleOrDefaultAsync(w => w.ItemId == itemId, cancellationToken);
        if (workflow is null)
        {
            return Outcome.NotFound("Naskah tidak ditemukan.");
        }

        var authority = workflow.AwaitingRole is { } role
            ? await organization.AuthorizeStepAsync(actor, role, workflow.SectionId, clock.GetUtcNow(), cancellationToken)
            : null;
        return workflow.CanEdit(actor, authority);
    }
}
