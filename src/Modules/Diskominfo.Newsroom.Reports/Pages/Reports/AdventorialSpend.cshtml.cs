using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Reports.Endpoints;
using Diskominfo.Newsroom.Reports.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Reports.Pages.Reports;

/// <summary>The adventorial spend of a year against its budgets (<c>?tahun=2026</c>), with the Excel download.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class AdventorialSpendModel(AdventorialSpend spend, IOptions<ReportsOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tahun")]
    public string? Year { get; set; }

    public SpendReport? Report { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReportPaths.MayRead(Actor.FromPrincipal(User)!, ReportPaths.SpendReaders))
        {
            return Forbid();
        }

        var parsed = ReportEndpoints.ParseYear(Year, "tahun", clock);
        if (!parsed.Succeeded)
        {
            Error = parsed.Errors!["tahun"][0];
            return Page().WithStatusOf(parsed);
        }

        Report = await spend.BuildAsync(parsed.Value, cancellationToken);
        Year = parsed.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (!ReportPaths.MayRead(Actor.FromPrincipal(User)!, ReportPaths.SpendReaders))
        {
            return Forbid();
        }

        var parsed = ReportEndpoints.ParseYear(Year, "tahun", clock);
        if (!parsed.Succeeded)
        {
            Error = parsed.Errors!["tahun"][0];
            return Page().WithStatusOf(parsed);
        }

        var report = await spend.BuildAsync(parsed.Value, cancellationToken);
        return File(SpendWorkbook.Render(report, options.Value.Office), SpendWorkbook.XlsxType, SpendWorkbook.FileName(parsed.Value));
    }
}
