using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Media.Pages.Library;

/// <summary>
/// Pustaka media: every photo and document, newest first, 48 a page, with thumbnails; search by caption, credit, alt
/// text, file name or item id, and by upload day. Opened for an item (<c>?untuk=</c>), each photo can be used in it.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class IndexModel(LibraryQuery library, ItemPhotosService photos) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public string? PageNumber { get; set; }

    /// <summary>The item a photo is picked for.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Untuk { get; set; }

    public LibraryPage? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostReuseAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        if (Untuk is not { } itemId)
        {
            return await ShowAsync(Outcome.Invalid("untuk", "Pilih dulu naskah yang akan memakai foto."), cancellationToken);
        }

        var outcome = await photos.ReuseAsync(itemId, mediaId, Actor.FromPrincipal(User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await ShowAsync(outcome, cancellationToken);
        }

        TempData[DeskPaths.FlashKey] = "Foto dari pustaka ditambahkan ke naskah.";
        return Redirect(LibraryPaths.ItemPhotos(itemId));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        var outcome = await photos.DeleteAsync(mediaId, Actor.FromPrincipal(User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await ShowAsync(outcome, cancellationToken);
        }

        TempData[DeskPaths.FlashKey] = "Berkas dihapus dari pustaka.";
        return Redirect(Url.Page(null, new { Q, From, To, halaman = PageNumber, Untuk }) ?? LibraryPaths.Library);
    }

    private async Task<IActionResult> ShowAsync(Outcome? refusal, CancellationToken cancellationToken)
    {
        var filter = LibraryQuery.Parse(Q, null, From, To, PageNumber);
        var shown = refusal ?? (filter.Succeeded ? null : filter);
        Error = shown is null ? null : shown.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.SelectMany(e => e)) : shown.Message;
        Result = await library.ListAsync(filter.Value ?? new LibraryFilter(null, null, null, null, 1), Actor.FromPrincipal(User)!, cancellationToken);
        return shown is null ? Page() : Page().WithStatusOf(shown);
    }

    public string PageLink(int page) => Url.Page(null, new { Q, From, To, halaman = page, Untuk }) ?? LibraryPaths.Library;
}
