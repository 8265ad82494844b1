using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Publishing.Pages.Captions;

/// <summary>What Facebook and Instagram will receive for an item; the operator adjusts each caption before or after the signature.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Work)]
internal sealed class IndexModel(CaptionDesk desk) : PageModel
{
    public CaptionPreview? Preview { get; private set; }

    [BindProperty]
    public string Channel { get; set; } = "";

    [BindProperty]
    public string? Text { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await desk.PreviewAsync(id, Actor.FromPrincipal(User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        }

        Preview = outcome.Value;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, Text, "Takarir disimpan; kiriman memakai takarir ini.", cancellationToken);

    public Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, null, "Takarir kembali dibuat otomatis.", cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid id, string? text, string done, CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        var outcome = await desk.SaveAsync(id, Channel, text, actor, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = done;
            return Redirect($"{DeskPaths.Item(id)}/takarir");
        }

        Message = outcome.Message;
        var preview = await desk.PreviewAsync(id, actor, cancellationToken);
        if (!preview.Succeeded)
        {
            return preview.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        }

        Preview = preview.Value;
        return Page().WithStatusOf(outcome);
    }
}
