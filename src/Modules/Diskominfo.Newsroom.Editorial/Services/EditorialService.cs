using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Services;

/// <summary>Submit, approve (paraf / tandatangan) and return: each in one transaction with its consequences.</summary>
internal sealed class EditorialService(
    EditorialDbContext db,
    NewsroomDatabase database,
    IContentCatalog content,
    IEventPublisher events,
    IPublicationScheduler publications,
    EditorialSettings settings,
    IUserDirectory users,
    IOrganization organization,
    ChecklistService checklist,
    TimeProvider clock)
{
    public Task<Outcome> SubmitAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
        => ActAsync(itemId, async (workflow, snapshot, now, ct) =>
        {
            // Who and when come first (403/409); only a submission that would otherwise go through is checked for completeness.
            var submittable = actor.UserId == workflow.WriterId && workflow.Status is Abstractions.Editorial.WorkflowStatuses.Draft or Abstractions.Editorial.WorkflowStatuses.Returned;
            if (submittable && snapshot.Missing is { Count: > 0 } missing)
            {
                return Outcome.Invalid(missing.ToDictionary(), "Naskah belum lengkap; lengkapi isian berikut sebelum diajukan.");
            }

            if (submittable && (await checklist.CheckAsync(workflow, snapshot, ct)).Missing is { Count: > 0 } unmet)
            {
                return new ChecklistRefusal(unmet);
            }

            var outcome = workflow.Submit(actor, snapshot.ContentHash, snapshot.VersionId, now);
            if (outcome.Succeeded)
            {
                await ReceiveAsync(workflow, snapshot, now, ct);
                await db.SaveChangesAsync(ct);
                await events.PublishAsync(new ItemSubmitted(itemId, snapshot.VersionId, now), ct);
                await events.PublishAsync(Awaiting(workflow, AwaitingReasons.Submitted, actor, null, now), ct);
            }

            return outcome;
        }, cancellationToken);

    public Task<Outcome> ApproveAsync(Guid itemId, Actor actor, string? note, string? expectedHash, CancellationToken cancellationToken)
        => NoteTooLong(note) ?? ActAsync(itemId, async (workflow, snapshot, now, ct) =>
        {
            var authority = await AuthorityAsync(workflow, actor, now, ct);

            // Before the signature (the last step), once the signer may sign: nothing reaches a channel that would refuse it.
            if (workflow.IsLastStep && workflow.MayDecide(actor, authority) is null
                && (expectedHash is null || expectedHash == snapshot.ContentHash)
                && (await checklist.CheckAsync(workflow, snapshot, ct)).Missing is { Count: > 0 } unmet)
            {
                return new ChecklistRefusal(unmet);
            }

            var outcome = workflow.Approve(actor, authority, snapshot.ContentHash, snapshot.VersionId, note, expectedHash, now);
            if (outcome.Succeeded)
            {
                await db.SaveChangesAsync(ct);
                if (workflow.Status == Abstractions.Editorial.WorkflowStatuses.Signed)
                {
                    await events.PublishAsync(
                        new ItemSigned(
                            itemId, workflow.ContentType, snapshot.VersionId, snapshot.ContentHash, actor.UserId, now, workflow.ReleaseAt(now),
                            workflow.IsCorrection ? workflow.CorrectionNote : null), ct);
                }
                else
                {
                    await events.PublishAsync(Awaiting(workflow, AwaitingReasons.Passed, actor, Trim(note), now), ct);
                }
            }

            return outcome;
        }, cancellationToken);

    public Task<Outcome> ReturnAsync(Guid itemId, Actor actor, string? note, CancellationToken cancellationToken)
        => NoteTooLong(note) ?? ActAsync(itemId, async (workflow, snapshot, now, ct) =>
        {
            var toPreviousStep = await settings.ReturnModeAsync(workflow.ContentType, ct) == ReturnModes.Previous;
            var outcome = workflow.Return(actor, await AuthorityAsync(workflow, actor, now, ct), snapshot.ContentHash, snapshot.VersionId, note, now, toPreviousStep);
            if (outcome.Succeeded)
            {
                await db.SaveChangesAsync(ct);
                if (workflow.InReview)
                {
                    // Back to the step before: told is the one who took it (or, if he cannot be found, whoever may take it now).
                    var approver = workflow.ApproverOf(workflow.StepIndex);
                    await events.PublishAsync(approver is not null
                        ? new ItemAwaiting(itemId, workflow.AwaitingRole, approver, AwaitingReasons.Returned, actor.UserId, actor.DisplayName, Trim(note), now, workflow.SectionId)
                        : new ItemAwaiting(itemId, workflow.AwaitingRole, null, AwaitingReasons.Returned, actor.UserId, actor.DisplayName, Trim(note), now,
                            workflow.SectionId, workflow.ExcludedFromStep()), ct);
                }
                else
                {
                    await events.PublishAsync(new ItemAwaiting(itemId, null, workflow.WriterId, AwaitingReasons.Returned, actor.UserId, actor.DisplayName, Trim(note), now), ct);
                }
            }

            return outcome;
        }, cancellationToken);

    public Task<Outcome> RejectAsync(Guid itemId, Actor actor, string? note, CancellationToken cancellationToken)
        => NoteTooLong(note) ?? ActAsync(itemId, async (workflow, snapshot, now, ct) =>
        {
            var outcome = workflow.Reject(actor, await AuthorityAsync(workflow, actor, now, ct), snapshot.ContentHash, snapshot.VersionId, note, now);
            if (outcome.Succeeded)
            {
                await db.SaveChangesAsync(ct);
            }

            return outcome;
        }, cancellationToken);

    /// <summary>The Kabid assigns an ordered adventorial to a Kasi, who becomes its PPTK.</summary>
    public Task<Outcome> AssignAsync(Guid itemId, Actor actor, string? kasiId, string? note, CancellationToken cancellationToken)
        => NoteTooLong(note) ?? ActAsync(itemId, async (workflow, _, now, ct) =>
        {
            var kasi = string.IsNullOrWhiteSpace(kasiId)
                ? null
                : (await users.ListInRoleAsync(Abstractions.Security.NewsroomRoles.Kasi, ct)).FirstOrDefault(u => u.Id == kasiId);
            if (kasi is null)
            {
                return Outcome.Invalid("userId", "Pilih seorang Kepala Seksi yang aktif sebagai PPTK.");
            }

            var authority = await organization.AuthorizeStepAsync(actor, Abstractions.Security.NewsroomRoles.Kabid, workflow.SectionId, now, ct);
            var outcome = workflow.Assign(actor, authority, kasi.Id, kasi.DisplayName, kasi.SectionId, note, now);
            if (outcome.Succeeded)
            {
                await db.SaveChangesAsync(ct);
                await events.PublishAsync(new ItemAwaiting(itemId, null, kasi.Id, AwaitingReasons.Assigned, actor.UserId, actor.DisplayName, Trim(note), now), ct);
            }

            return outcome;
        }, cancellationToken);

    public Task<Outcome> StartCorrectionAsync(Guid itemId, Actor actor, string? note, CancellationToken cancellationToken)
        => ActAsync(itemId, async (workflow, _, now, ct) =>
        {
            var chain = await settings.ChainAsync(workflow.ContentType, ChainKinds.Correction, ct);
            var outcome = workflow.StartCorrection(actor, chain, note, now);
            if (outcome.Succeeded)
            {
                await db.SaveChangesAsync(ct);
            }

            return outcome;
        }, cancellationToken);

    public Task<Outcome> ScheduleAsync(Guid itemId, Actor actor, DateTimeOffset? publishAt, CancellationToken cancellationToken)
        => ActAsync(itemId, async (workflow, _, now, ct) =>
        {
            var asKadis = (await organization.PositionsAsync(actor, now, ct)).FirstOrDefault(p => p.Covers(Abstractions.Security.NewsroomRoles.Kadis, workflow.SectionId));
            var outcome = workflow.Schedule(actor, asKadis, publishAt, now);
            if (outcome.Succeeded && workflow.Status == Abstractions.Editorial.WorkflowStatuses.Signed)
            {
                // Signed: the publications exist already and must move too, unless one is under way; never before the embargo.
                outcome = await publications.RescheduleAsync(itemId, workflow.ReleaseAt(now), ct);
            }

            if (outcome.Succeeded)
            {
                await db.SaveChangesAsync(ct);
            }

            return outcome;
        }, cancellationToken);

    /// <summary>
    /// Sets, moves or (<paramref name="notBefore"/> null) lifts the embargo, with an audit entry. After the signature a
    /// lift moves the publications to the scheduled time, or to now when that has passed.
    /// </summary>
    public async Task<Outcome> SetEmbargoAsync(Guid itemId, Actor actor, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        try
        {
            return await EmbargoAsync(itemId, actor, notBefore, cancellationToken);
        }
        catch (EmbargoRefusedException refused)
        {
            // The publications could not move (one is under way): the embargo's change is rolled back with them.
            return refused.Outcome;
        }
    }

    private Task<Outcome> EmbargoAsync(Guid itemId, Actor actor, DateTimeOffset? notBefore, CancellationToken cancellationToken)
        => ActAsync(itemId, async (workflow, snapshot, now, ct) =>
        {
            var asKadis = (await organization.PositionsAsync(actor, now, ct)).Any(p => p.Covers(Abstractions.Security.NewsroomRoles.Kadis, workflow.SectionId));
            var before = workflow.EmbargoUntil;
            var outcome = workflow.SetEmbargo(actor, asKadis, notBefore, now);
            if (!outcome.Succeeded || before == workflow.EmbargoUntil)
            {
                return outcome;
            }

            await db.SaveChangesAsync(ct);
            if (workflow.Status == Abstractions.Editorial.WorkflowStatuses.Signed)
            {
                outcome = await publications.RescheduleAsync(itemId, workflow.ReleaseAt(now), ct);
                if (!outcome.Succeeded)
                {
                    throw new EmbargoRefusedException(outcome);
                }
            }

            var lifted = before is { } was && (workflow.EmbargoUntil is null || workflow.EmbargoUntil < was);
            var summary = workflow.EmbargoUntil is { } until
                ? $"Embargo \"{snapshot.Title}\": tidak terbit sebelum {Abstractions.Text.IndonesianTime.Short(until)}."
                : $"Embargo \"{snapshot.Title}\" dicabut.";
            await events.PublishAsync(new Abstractions.Audit.AuditEvent(
                lifted ? Abstractions.Audit.AuditActions.EmbargoLifted : Abstractions.Audit.AuditActions.EmbargoSet, actor.UserId, actor.DisplayName,
                "item", itemId.ToString(), summary, now,
                Before: new Dictionary<string, string?> { ["notBefore"] = before?.ToString("O") },
                After: new Dictionary<string, string?> { ["notBefore"] = workflow.EmbargoUntil?.ToString("O") }), ct);
            return outcome;
        }, cancellationToken);

    private sealed class EmbargoRefusedException(Outcome outcome) : Exception(outcome.Message)
    {
        public Outcome Outcome { get; } = outcome;
    }

    /// <summary>On first receipt the item gets the next running number of the year (WIB), serialized across workers.</summary>
    private async Task ReceiveAsync(Models.Workflow workflow, ContentSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Dispositions.AnyAsync(d => d.ItemId == workflow.ItemId, ct))
        {
            return;
        }

        await database.LockAsync("editorial-disposition-number", ct);
        var year = Abstractions.Text.IndonesianTime.ToWib(now).Year;
        var last = await db.Dispositions.Where(d => d.Year == year).MaxAsync(d => (int?)d.Number, ct) ?? 0;
        db.Dispositions.Add(new Models.Disposition
        {
            ItemId = workflow.ItemId,
            Year = year,
            Number = last + 1,
            ReceivedAt = now,
            ContentType = workflow.ContentType,
            NewsType = snapshot.Category,
        });
    }

    /// <summary>A note as it goes into the inbox and mail: as the trail records it (see <c>Workflow.Trim</c>).</summary>
    private static string? Trim(string? note) => Infrastructure.Text.UntrustedText.Clean(note) is { } clean && !string.IsNullOrWhiteSpace(clean) ? clean.Trim() : null;

    /// <summary>The longest note on an approval, return, set-aside or assignment: checked before the item is loaded.</summary>
    public const int NoteMaxLength = 2000;

    private static Task<Outcome>? NoteTooLong(string? note)
        => note?.Length > NoteMaxLength ? Task.FromResult(Outcome.Invalid("note", $"Catatan paling panjang {NoteMaxLength} karakter.")) : null;

    /// <summary>The post in which the actor may take the step the item waits for; null when it waits for no step.</summary>
    private async Task<Outcome<ActingPosition>?> AuthorityAsync(Workflow workflow, Actor actor, DateTimeOffset now, CancellationToken ct)
        => workflow.AwaitingRole is { } role ? await organization.AuthorizeStepAsync(actor, role, workflow.SectionId, now, ct) : null;

    /// <summary>The item waits for its next step: for the posts covering its seksi, never for its writers or those who took a step.</summary>
    private static ItemAwaiting Awaiting(Workflow workflow, string reason, Actor actor, string? note, DateTimeOffset now)
        => new(workflow.ItemId, workflow.AwaitingRole, null, reason, actor.UserId, actor.DisplayName, note, now, workflow.SectionId, workflow.ExcludedFromStep());

    private async Task<Outcome> ActAsync(
        Guid itemId, Func<Workflow, ContentSnapshot, DateTimeOffset, CancellationToken, Task<Outcome>> act, CancellationToken cancellationToken)
    {
        try
        {
            return await database.InTransactionAsync(async ct =>
            {
                var workflow = await db.Workflows.Include(w => w.History).SingleOrDefaultAsync(w => w.ItemId == itemId, ct);
                var snapshot = await content.GetLatestAsync(itemId, ct);
                if (workflow is null || snapshot is null)
                {
                    return Outcome.NotFound("Naskah tidak ditemukan.");
                }

                var before = workflow.Status;
                var now = clock.GetUtcNow();
                var outcome = await act(workflow, snapshot, now, ct);
                if (outcome.Succeeded && workflow.Status != before)
                {
                    await events.PublishAsync(new ItemStatusChanged(itemId, workflow.Status, now), ct);
                }

                return outcome;
            }, cancellationToken);
        }
        catch (DbUpdateException) when (database.InTransaction is false)
        {
            // A concurrency token mismatch or a unique-sequence clash: someone else acted on the item first.
            return Outcome.Conflict("Naskah ini baru saja diproses oleh pengguna lain. Muat ulang untuk melihat statusnya sekarang.");
        }
    }
}
