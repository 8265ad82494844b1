using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Endpoints;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Editorial.Pages.Reports;

/// <summary>The service-time report on screen, with its Excel download, for the Kasi, Kabid, Kadis and admins.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ServiceTimesModel(ServiceTimeReport report, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public ServiceTimes? Report { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Parse(From, To, clock, Actor.FromPrincipal(User)!);
        if (period.Refusal is not null)
        {
            return Refused(period.Refusal);
        }

        From = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To = period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Report = await report.BuildAsync(period.From, period.To, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Parse(From, To, clock, Actor.FromPrincipal(User)!);
        if (period.Refusal is not null)
        {
            return Refused(period.Refusal);
        }

        var (bytes, name) = await report.WorkbookAsync(period.From, period.To, cancellationToken);
        return File(bytes, ServiceTimeReport.XlsxType, name);
    }

    private PageResult Refused(Outcome refusal)
    {
        Message = refusal.Message;
        Errors = refusal.Errors;
        return Page().WithStatusOf(refusal);
    }
}
