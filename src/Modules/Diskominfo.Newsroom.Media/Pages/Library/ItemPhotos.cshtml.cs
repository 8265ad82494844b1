using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Media.Pages.Library;

/// <summary>An item's photos: their order (the first is the lead), caption, credit and alt text, and removal from a draft.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ItemPhotosModel(ItemPhotosService photos, IContentCatalog catalog, IItemAccess access) : PageModel
{
    public ContentSnapshot? Item { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid itemId, CancellationToken cancellationToken)
        => await ShowAsync(itemId, null, cancellationToken);

    public async Task<IActionResult> OnPostEditAsync(Guid itemId, Guid mediaId, string? caption, string? credit, string? alt, CancellationToken cancellationToken)
        => await DoneAsync(itemId, await photos.EditAsync(itemId, mediaId, new PhotoTexts(caption ?? "", credit ?? "", alt ?? ""), Actor(), cancellationToken),
            "Keterangan, kredit, dan teks alternatif foto disimpan.", cancellationToken);

    public async Task<IActionResult> OnPostLeadAsync(Guid itemId, Guid mediaId, CancellationToken cancellationToken)
        => await DoneAsync(itemId, await photos.MakeLeadAsync(itemId, mediaId, Actor(), cancellationToken), "Foto utama diganti.", cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid itemId, Guid mediaId, int by, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetLatestAsync(itemId, cancellationToken);
        var order = snapshot?.Photos.Select(p => p.MediaId).ToList() ?? [];
        var at = order.IndexOf(mediaId);
        var to = at + Math.Sign(by);
        if (at >= 0 && to >= 0 && to < order.Count)
        {
            (order[at], order[to]) = (order[to], order[at]);
        }

        return await DoneAsync(itemId, await photos.ReorderAsync(itemId, order, Actor(), cancellationToken), "Urutan foto disimpan.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid itemId, Guid mediaId, CancellationToken cancellationToken)
        => await DoneAsync(itemId, await photos.RemoveAsync(itemId, mediaId, Actor(), cancellationToken),
            "Foto dilepas dari naskah; berkasnya tetap di pustaka media.", cancellationToken);

    private Actor Actor() => Abstractions.Security.Actor.FromPrincipal(User)!;

    private async Task<IActionResult> DoneAsync(Guid itemId, Outcome outcome, string message, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded)
        {
            return await ShowAsync(itemId, outcome, cancellationToken);
        }

        TempData[DeskPaths.FlashKey] = message;
        return Redirect(LibraryPaths.ItemPhotos(itemId));
    }

    private async Task<IActionResult> ShowAsync(Guid itemId, Outcome? refusal, CancellationToken cancellationToken)
    {
        if (await access.SightAsync(itemId, Actor(), cancellationToken) != ItemSight.Work)
        {
            return NotFound();
        }

        Item = await catalog.GetLatestAsync(itemId, cancellationToken);
        if (Item is null)
        {
            return NotFound();
        }

        if (refusal is null)
        {
            return Page();
        }

        Error = refusal.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.SelectMany(e => e)) : refusal.Message;
        return Page().WithStatusOf(refusal);
    }
}
