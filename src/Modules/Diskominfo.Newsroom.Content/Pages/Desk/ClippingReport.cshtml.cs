using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>Clippings per outlet, month and tone for a span of months (this year by default), with the Excel download.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ClippingReportModel(ClippingReport report, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Dari { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sampai { get; set; }

    public ClippingFigures? Figures { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Period() is not { } period)
        {
            return Page().WithStatusOf(Outcome.Invalid("bulan", Error!));
        }

        Figures = await report.BuildAsync(period.From, period.To, Actor.FromPrincipal(User)!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (Period() is not { } period)
        {
            return Page().WithStatusOf(Outcome.Invalid("bulan", Error!));
        }

        var (bytes, name) = await report.WorkbookAsync(period.From, period.To, configuration["Newsroom:OfficeName"] ?? "Diskominfo", Actor.FromPrincipal(User)!, cancellationToken);
        return File(bytes, ClippingReport.XlsxType, name);
    }

    private (DateOnly From, DateOnly To)? Period()
    {
        var today = DateOnly.FromDateTime(IndonesianTime.ToWib(clock.GetUtcNow()).DateTime);
        var from = Month(Dari, new DateOnly(today.Year, 1, 1), "Dari");
        var to = Month(Sampai, new DateOnly(today.Year, today.Month, 1), "Sampai");
        if (from is null || to is null)
        {
            return null;
        }

        if (from > to)
        {
            Error = "Bulan awal tidak boleh sesudah bulan akhir.";
            return null;
        }

        if (to.Value.Year - from.Value.Year > 10)
        {
            Error = "Rentang laporan paling lama sepuluh tahun.";
            return null;
        }

        Dari = from.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Sampai = to.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return (from.Value, to.Value.AddMonths(1).AddDays(-1));
    }

    private DateOnly? Month(string? value, DateOnly fallback, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        Error = $"{label}: bulan '{value}' tidak dikenali; gunakan TTTT-BB, misalnya 2026-11.";
        return null;
    }
}
