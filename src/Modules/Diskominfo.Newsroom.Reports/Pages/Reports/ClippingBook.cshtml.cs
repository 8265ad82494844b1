using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Reports.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Reports.Pages.Reports;

/// <summary>The monthly clipping book from the desk: choose the month; <c>?bulan=2026-11</c> gives the PDF.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ClippingBookModel(ClippingBookBuilder books, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "bulan")]
    public string? Month { get; set; }

    public string? Error { get; private set; }

    public string DefaultMonth => IndonesianTime.ToWib(clock.GetUtcNow()).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        if (!ReportPaths.MayRead(actor, ReportPaths.BookReaders))
        {
            return Forbid();
        }

        if (Month is null)
        {
            return Page();
        }

        var parsed = ClippingBookBuilder.ParseMonth(Month, "bulan");
        if (!parsed.Succeeded)
        {
            Error = parsed.Errors!["bulan"][0];
            return Page().WithStatusOf(parsed);
        }

        var (year, month) = parsed.Value;
        return File(await books.BuildAsync(year, month, actor, cancellationToken), "application/pdf", ClippingBookBuilder.FileName(year, month));
    }
}
