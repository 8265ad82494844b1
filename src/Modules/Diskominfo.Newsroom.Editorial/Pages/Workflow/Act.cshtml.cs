using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Editorial.Pages.Workflow;

/// <summary>
/// The approval panel's buttons: submit, paraf / tandatangan, return. Done, it goes back to the item page with a
/// message; refused, it says why under the refusal's HTTP status (403 wrong role, 409 wrong state or changed copy).
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ActModel(EditorialService editorial) : PageModel
{
    public Guid Id { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? ContentHash { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    public IActionResult OnGet(Guid id) => Redirect(DeskPaths.Item(id));

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.SubmitAsync(id, Actor.FromPrincipal(User)!, cancellationToken), "Naskah diajukan ke Kasi.");

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.ApproveAsync(id, Actor.FromPrincipal(User)!, Note, ContentHash, cancellationToken), "Persetujuan Anda tercatat.");

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.ReturnAsync(id, Actor.FromPrincipal(User)!, Note, cancellationToken), "Naskah dikembalikan ke penulis dengan catatan Anda.");

    private async Task<IActionResult> RespondAsync(Guid id, Task<Outcome> action, string done)
    {
        Id = id;
        var outcome = await action;
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = done;
            return Redirect(DeskPaths.Item(id));
        }

        Message = outcome.Message;
        Errors = outcome.Errors;
        return Page().WithStatusOf(outcome);
    }
}
