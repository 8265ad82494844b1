using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Coverage.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Coverage.Pages.Coverage;

/// <summary>The monthly bulletin from the desk: choose the month; <c>?bulan=2026-11</c> gives the PDF.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class BulletinModel(BulletinBuilder bulletins, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "bulan")]
    public string? Month { get; set; }

    public string? Error { get; private set; }

    public string DefaultMonth => IndonesianTime.ToWib(clock.GetUtcNow()).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!BulletinBuilder.MayPrint(Actor.FromPrincipal(User)!))
        {
            return Forbid();
        }

        if (Month is null)
        {
            return Page();
        }

        var parsed = BulletinBuilder.ParseMonth(Month, "bulan");
        if (!parsed.Succeeded)
        {
            Error = parsed.Errors!["bulan"][0];
            return Page().WithStatusOf(parsed);
        }

        var (year, month) = parsed.Value;
        return File(await bulletins.BuildAsync(year, month, cancellationToken), "application/pdf", BulletinBuilder.FileName(year, month));
    }
}
