using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Models;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Editorial.Components;

/// <summary>The item page's approval panel: the chain and whose turn it is, the actions open to this user, the buku agenda.</summary>
public sealed class EditorialPanel(IWorkflowQuery workflows) : ViewComponent
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

        var signed = workflow.Status == WorkflowStatuses.Signed;
        var live = workflow.Status is WorkflowStatuses.Published or WorkflowStatuses.Archived;
        return View(new EditorialPanelView(
            context,
            workflow,
            CanSubmit: actor.UserId == workflow.OwnerId && workflow.Status is WorkflowStatuses.Draft or WorkflowStatuses.Returned,
            CanDecide: workflow.AwaitingRole is { } role && actor.IsInRole(role),
            CanSchedule: !live && (actor.IsInRole(NewsroomRoles.Kadis) || (signed && (actor.IsInRole(NewsroomRoles.Operator) || actor.IsInRole(NewsroomRoles.Admin)))),
            Check: await workflows.VerifyHistoryAsync(context.ItemId, HttpContext.RequestAborted)));
    }
}

public sealed record EditorialPanelView(
    ItemPanelContext Item, WorkflowView Workflow, bool CanSubmit, bool CanDecide, bool CanSchedule, HistoryCheck? Check)
{
    public static string ActionLabel(string action) => action switch
    {
        HistoryActions.Created => "Dibuat",
        HistoryActions.Submitted => "Diajukan",
        HistoryActions.Approved => "Diparaf",
        HistoryActions.Signed => "Ditandatangani",
        HistoryActions.Returned => "Dikembalikan",
        HistoryActions.Edited => "Disunting",
        HistoryActions.ApprovalsInvalidated => "Paraf dibatalkan",
        HistoryActions.Published => "Terbit",
        HistoryActions.Archived => "Diarsipkan",
        HistoryActions.Scheduled => "Waktu terbit diatur",
        _ => action,
    };
}
