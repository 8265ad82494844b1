using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Publishing.Pages.Publications;

/// <summary>The publications panel's buttons: retry (or check now), cancel, or mark one publication as published, then back to the item page with the result.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ControlModel(PublicationControl control) : PageModel
{
    [BindProperty]
    public Guid ItemId { get; set; }

    /// <summary>Where the operator found the post: its address, or Meta's id.</summary>
    [BindProperty]
    public string? Reference { get; set; }

    public IActionResult OnGet() => MayControl ? NotFound() : Forbid();

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
        => MayControl ? Back(await control.RetryAsync(id, Actor.FromPrincipal(User)!, cancellationToken), "Publikasi dikirim ulang.") : Forbid();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
        => MayControl ? Back(await control.CancelAsync(id, Actor.FromPrincipal(User)!, cancellationToken), "Publikasi dibatalkan.") : Forbid();

    public async Task<IActionResult> OnPostMarkPublishedAsync(Guid id, CancellationToken cancellationToken)
        => MayControl ? Back(await control.MarkPublishedAsync(id, Reference, Actor.FromPrincipal(User)!, cancellationToken), "Publikasi ditandai sudah terbit.") : Forbid();

    /// <summary>Only the operator and admins control publications: anyone else is refused (403), not sent back with a message.</summary>
    private bool MayControl => PublicationControl.MayControl(Actor.FromPrincipal(User)!);

    private RedirectResult Back(Outcome outcome, string done)
    {
        TempData[DeskPaths.FlashKey] = outcome.Succeeded ? done : outcome.Message;
        return Redirect(DeskPaths.Item(ItemId));
    }
}
