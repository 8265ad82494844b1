using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Publishing.Pages.Publications;

/// <summary>The publications panel's buttons: retry or cancel one publication, then back to the item page with the result.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ControlModel(PublicationControl control) : PageModel
{
    [BindProperty]
    public Guid ItemId { get; set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
        => Back(await control.RetryAsync(id, Actor.FromPrincipal(User)!, cancellationToken), "Publikasi dikirim ulang.");

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
        => Back(await control.CancelAsync(id, Actor.FromPrincipal(User)!, cancellationToken), "Publikasi dibatalkan.");

    private RedirectResult Back(Outcome outcome, string done)
    {
        TempData[DeskPaths.FlashKey] = outcome.Succeeded ? done : outcome.Message;
        return Redirect(DeskPaths.Item(ItemId));
    }
}
