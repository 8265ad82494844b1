using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>The item page's "Kenali ulang teks" button: queues recognition of the clipping's scans, back to the item with a note.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Published)]
internal sealed class RecognizeModel(ClippingRecognition recognition) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect(DeskPaths.Item(id));

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await recognition.RequestAsync(id, Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData[DeskPaths.FlashKey] = outcome.Succeeded
            ? $"Teks {outcome.Value} pindaian sedang dikenali ulang; teks kliping akan diganti dengan hasilnya dalam beberapa saat."
            : outcome.Message;
        return Redirect(DeskPaths.Item(id));
    }
}
