using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coordination.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Coordination.Pages.Activities;

/// <summary>One activity: its facts, the letter, the trail, the steps the user may take, and the way to coverage once approved.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class DetailsModel(ActivityQueries queries, ActivityChain chain, LetterStore letters) : PageModel
{
    public ActivityView? Activity { get; private set; }

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public string? Message { get; private set; }

    /// <summary>The Kadis and the Kabid disposition coverage of an approved activity (the Coverage module's page).</summary>
    public bool MayDispositionCoverage
        => Activity?.Status == Abstractions.Coordination.ActivityStatuses.Approved
            && (User.IsInRole(NewsroomRoles.Kadis) || User.IsInRole(NewsroomRoles.Kabid));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Activity = await queries.GetAsync(id, Actor.FromPrincipal(User)!, cancellationToken);
        return Activity is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetSuratAsync(Guid id, CancellationToken cancellationToken)
        => await LetterDownload.FindAsync(id, Response, queries, letters, cancellationToken) is { } letter
            ? new PhysicalFileResult(letter.Path, letter.ContentType)
            {
                FileDownloadName = letter.FileName,
                EntityTag = letter.ETag,
                EnableRangeProcessing = true,
            }
            : NotFound();

    public async Task<IActionResult> OnPostActAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        var outcome = await chain.TakeAsync(id, Action ?? "", Note, actor, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = "Langkah dicatat.";
            return Redirect(CoordinationPaths.Details(id));
        }

        Activity = await queries.GetAsync(id, actor, cancellationToken);
        if (Activity is null)
        {
            return NotFound();
        }

        Message = outcome.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? outcome.Message;
        return Page().WithStatusOf(outcome);
    }
}
