using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Models;
using Diskominfo.Newsroom.Coverage.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Coverage.Pages.Coverage;

/// <summary>
/// The coverage desk: "Tugas saya" (what the person is assigned to, open ones first, with place, time and note), then
/// for the rest of the desk the assignments of the seksi they head (all for the heads), overdue ones first.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class IndexModel(AssignmentQueries queries, AssignmentService assignments, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AssignmentView> Mine { get; private set; } = [];

    public IReadOnlyList<AssignmentView> Others { get; private set; } = [];

    public bool SeesOthers { get; private set; }

    public bool MayPrint { get; private set; }

    public bool MayDisposition { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public static bool Done(AssignmentView a) => a.Status == AssignmentStatuses.Approved && OverdueRule.Submitted(a.PressReleaseStatus);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        var all = (await queries.ListAsync(actor, null, false, cancellationToken)).Value!;
        Mine = [.. all.Where(a => a.Assignees.Any(m => m.UserId == actor.UserId)).OrderBy(Done).ThenBy(a => a.Activity?.Start)];
        SeesOthers = actor.SeesAllWork;
        MayPrint = BulletinBuilder.MayPrint(actor);
        MayDisposition = (await assignments.DispositionPostAsync(actor, null, clock.GetUtcNow(), cancellationToken)).Succeeded;
        if (SeesOthers)
        {
            var sections = await queries.SectionsOfAsync(actor, cancellationToken);
            Others = [.. all.Where(a => !Mine.Contains(a) && (sections is null || sections.Contains(a.Section.Id)))
                .OrderByDescending(a => a.Overdue).ThenBy(Done).ThenByDescending(a => a.Disposition.At)];
        }
    }

    public static string WorkflowLabel(string status) => WorkflowStatuses.Label(status);
}
