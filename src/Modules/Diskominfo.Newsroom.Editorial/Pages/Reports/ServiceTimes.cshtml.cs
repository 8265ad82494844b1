using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Endpoints;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Editorial.Pages.Reports;

/// <summary>The service-time report on screen, with its Excel download, for the Kasi, Kabid, Kadis and admins.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ServiceTimesModel(ServiceTimeReport report, TimeProvider clock, IConfiguration configuration) : PageModel
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
            Message = period.Refusal.Message;
            Errors = period.Refusal.Errors;
            return Page().WithStatusOf(period.Refusal);
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
            Message = period.Refusal.Message;
            Errors = period.Refusal.Errors;
            return Page().WithStatusOf(period.Refusal);
        }

        var times = await report.BuildAsync(period.From, period.To, cancellationToken);
        return File(ServiceTimeWorkbook.Write(times, configuration["Newsroom:OfficeName"] ?? "Diskominfo"), DeskToolEndpoints.XlsxType,
            $"waktu-layanan-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.xlsx");
    }
}
