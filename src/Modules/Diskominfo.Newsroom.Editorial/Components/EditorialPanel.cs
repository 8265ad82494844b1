using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Editorial.Components;

/// <summary>The item page's approval panel: the chain and whose turn it is, the actions open to this user, the buku agenda.</summary>
public sealed class EditorialPanel(
    IWorkflowQuery workflows, IContentCatalog content, IUserDirectory users, IOrganization organization, IEditorialChecklist checklist, TimeProvider clock)
    : ViewComponent
{
    public const string Name = nameof(EditorialPanel);

    public async Task<IViewComponentResult> InvokeAsync(ItemPanelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = Actor.FromPrincipal(UserClaimsPrincipal)!;
        var workflow = await workflows.GetAsync(context.ItemId, HttpContext.RequestAborted);
        if (workflow is null)
        {
            return Content("");
        }

        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        var changes = await ChangesSinceApprovalAsync(context.ItemId, workflow);
        var live = workflow.Status is WorkflowStatuses.Published or WorkflowStatuses.Archived;
        var positions = await organization.PositionsAsync(actor, now, ct);
        var excluded = workflow.ExcludedFromStep ?? [];
        var post = workflow.AwaitingRole is { } role && !excluded.Contains(actor.UserId)
            ? positions.FirstOrDefault(p => p.Covers(role, workflow.SectionId))
            : null;
        var awaited = workflow.AwaitingRole is { } awaitedRole
            ? (await organization.WhoMayActAsync(awaitedRole, workflow.SectionId, now, ct)).Where(u => !excluded.Contains(u.Id)).ToList()
            : null;
        var sections = await organization.ListSectionsAsync(ct);
        var canSubmit = actor.UserId == workflow.Writer && workflow.Status is WorkflowStatuses.Draft or WorkflowStatuses.Returned;

        // Before the submit and sign buttons: what the channels the item goes to still need.
        var check = canSubmit || workflow.IsLastStep ? await checklist.CheckAsync(context.ItemId, ct) : null;
        return View(new EditorialPanelView(
            context,
            workflow,
            CanSubmit: canSubmit,
            CanDecide: post is not null,
            CanSchedule: Workflow.MaySchedule(actor, workflow.Status, positions.Any(p => p.Covers(NewsroomRoles.Kadis, workflow.SectionId))),
            Check: await workflows.VerifyHistoryAsync(context.ItemId, ct),
            Changes: changes,
            Kasis: workflow.Status == WorkflowStatuses.Ordered && positions.Any(p => p.Covers(NewsroomRoles.Kabid, workflow.SectionId))
                ? await users.ListInRoleAsync(NewsroomRoles.Kasi, ct)
                : [],
            CanCorrect: live && Workflow.MayCorrect(actor, workflow.OwnerId))
        {
            ActingAs = post?.IsDelegated == true ? post.LegalForm : null,
            Checklist = check,
            MayAct = awaited,
            SectionName = sections.FirstOrDefault(s => s.Id == workflow.SectionId)?.Name,
            EmbargoAsKadis = !live && workflow.Status != WorkflowStatuses.Rejected && positions.Any(p => p.Covers(NewsroomRoles.Kadis, workflow.SectionId)),
            MaySetEmbargo = !live && context.ContentType != ContentTypes.Clipping
                && workflow.Status is not (WorkflowStatuses.Signed or WorkflowStatuses.Rejected)
                && (workflow.Writer == actor.UserId || SopDefaults.ApproverRoles.Any(actor.IsInRole)),
        });
    }

    /// <summary>
    /// What changed since the last paraf or signature (or, before any, since submission): the approver compares the copy
    /// he is asked to approve with the copy the one before him approved. Null when there is nothing to compare.
    /// </summary>
    private async Task<ChangesSince?> ChangesSinceApprovalAsync(Guid itemId, WorkflowView workflow)
    {
        var reference = workflow.History.LastOrDefault(h => h.VersionId is not null && h.Action is HistoryActions.Approved or HistoryActions.Signed)
                        ?? workflow.History.LastOrDefault(h => h.VersionId is not null && h.Action == HistoryActions.Submitted);
        if (reference is null)
        {
            return null;
        }

        var current = await content.GetLatestAsync(itemId, HttpContext.RequestAborted);
        if (current is null)
        {
            return null;
        }

        if (current.VersionId == reference.VersionId)
        {
            return new ChangesSince(reference, []);
        }

        var before = await content.GetDigestAsync(itemId, reference.VersionId!.Value, HttpContext.RequestAborted);
        var now = await content.GetDigestAsync(itemId, current.VersionId, HttpContext.RequestAborted);
        return before is null || now is null ? null : new ChangesSince(reference, LineDiff.Compare(before, now));
    }
}

public sealed record EditorialPanelView(
    ItemPanelContext Item, WorkflowView Workflow, bool CanSubmit, bool CanDecide, bool CanSchedule, HistoryCheck? Check, ChangesSince? Changes, IReadOnlyList<DirectoryUser> Kasis, bool CanCorrect)
{
    /// <summary>The post the viewer would act in when it is not his own ("Plh. Kepala Dinas ...").</summary>
    public string? ActingAs { get; init; }

    /// <summary>Who may take the awaited step (holders and acting officials, not the writers nor those who took a step); null when none is awaited.</summary>
    public IReadOnlyList<DirectoryUser>? MayAct { get; init; }

    /// <summary>Before submission and signature: the channels checked and what is still missing; null when no such step is near.</summary>
    public ChecklistResult? Checklist { get; init; }

    /// <summary>The seksi the item belongs to.</summary>
    public string? SectionName { get; init; }

    /// <summary>The viewer is (or acts for) the Kadis: he may set, lift or bring the embargo earlier before the item is live.</summary>
    public bool EmbargoAsKadis { get; init; }

    /// <summary>The viewer may set the embargo or move it later (its writer or an approver, while the item is in the chain).</summary>
    public bool MaySetEmbargo { get; init; }

    public static string ActionLabel(string action) => HistoryLabels.Of(action);
}

/// <summary>The diff of the working copy against the copy of <see cref="Since"/>; empty rows mean no change.</summary>
public sealed record ChangesSince(HistoryEntryView Since, IReadOnlyList<DiffRow> Rows)
{
    public bool Any => Rows.Any(r => r.Kind != DiffRow.Same);
}
