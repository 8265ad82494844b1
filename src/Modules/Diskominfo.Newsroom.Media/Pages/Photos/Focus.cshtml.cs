using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media.Models;
using Diskominfo.Newsroom.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Media.Pages.Photos;

/// <summary>
/// The focal point of a photo: a click on the photo (or two percentages, without JavaScript) sets the point the
/// thumbnail, the sharing image and the Instagram crop keep in view; the page shows those crops.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class FocusModel(FocusService focus) : PageModel
{
    public MediaFile? Photo { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? X { get; set; }

    [BindProperty]
    public string? Y { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await focus.FindAsync(id, Actor.FromPrincipal(User)!, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        }

        Photo = found.Value;
        (X, Y) = (Percent(Photo!.FocusX), Percent(Photo.FocusY));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? reset, CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        Outcome outcome;
        if (reset is not null)
        {
            outcome = await focus.SetAsync(id, null, null, actor, cancellationToken);
        }
        else if (Fraction(X) is not { } x || Fraction(Y) is not { } y)
        {
            outcome = Outcome.Invalid("x", "Isi titik fokus sebagai persen, 0 sampai 100, atau klik pada foto.");
        }
        else
        {
            outcome = await focus.SetAsync(id, x, y, actor, cancellationToken);
        }

        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = reset is null ? "Titik fokus disimpan; potongan foto dibuat ulang darinya." : "Titik fokus dihapus; potongan kembali otomatis.";
            return Redirect(MediaPaths.FocusPage(id));
        }

        var found = await focus.FindAsync(id, actor, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        }

        Photo = found.Value;
        Error = outcome.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.SelectMany(e => e)) : outcome.Message;
        return Page().WithStatusOf(outcome);
    }

    private static string? Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.#", CultureInfo.InvariantCulture) : null;

    private static double? Fraction(string? percent)
        => double.TryParse(percent?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p / 100 : null;
}
