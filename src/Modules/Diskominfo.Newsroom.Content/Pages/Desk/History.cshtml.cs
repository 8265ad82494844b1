using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>
/// An item's saved revisions with author and time; any two side by side (?a=&amp;b=, by default the last two); and,
/// for whoever may edit the item now, restoring an older text as a new revision (which goes through the chain again).
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Work)]
internal sealed class HistoryModel(VersionHistory history, ContentService content, IEditGate editGate) : PageModel
{
    public Guid Id { get; private set; }

    public IReadOnlyList<VersionEntry> Versions { get; private set; } = [];

    public VersionComparison? Comparison { get; private set; }

    public bool CanRestore { get; private set; }

    public string? Error { get; private set; }

    public static string Path(Guid itemId) => $"/admin/naskah/{itemId}/versi";

    public async Task<IActionResult> OnGetAsync(Guid id, int? a, int? b, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Versions.Count == 0)
        {
            return NotFound();
        }

        var left = a ?? (Versions.Count > 1 ? Versions[1].Number : Versions[0].Number);
        var right = b ?? Versions[0].Number;
        Comparison = await history.CompareAsync(id, left, right, cancellationToken);
        if (Comparison is null)
        {
            Error = $"Versi {left} atau {right} naskah ini tidak ditemukan.";
            return Page().WithStatusOf(Outcome.NotFound(Error));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, int number, int? revision, CancellationToken cancellationToken)
    {
        var outcome = await content.RestoreAsync(id, number, Actor.FromPrincipal(User)!, cancellationToken, revision);
        if (!outcome.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            Error = outcome.Message;
            return Page().WithStatusOf(outcome);
        }

        TempData[DeskPaths.FlashKey] = $"Teks versi {number} dipulihkan sebagai versi baru. Naskah perlu disetujui lagi.";
        return Redirect(DeskPaths.Item(id));
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        Versions = await history.ListAsync(id, cancellationToken);
        CanRestore = (await editGate.CanEditAsync(id, Actor.FromPrincipal(User)!, cancellationToken)).Succeeded;
    }
}
