using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Coordination.Models;
using Diskominfo.Newsroom.Coordination.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Coordination.Pages.Activities;

/// <summary>
/// The desk's activities: what awaits me (oldest first, overdue marked), the activity schedule of a month (approved
/// ones by day), and all of them filtered by status and month.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class IndexModel(ActivityQueries queries, TimeProvider clock) : PageModel
{
    public const string Awaiting = "menunggu";
    public const string Schedule = "jadwal";
    public const string Everything = "semua";

    [BindProperty(SupportsGet = true, Name = "tampil")]
    public string? Mode { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>The month shown, <c>yyyy-MM</c> (WIB); the current month by default.</summary>
    [BindProperty(SupportsGet = true, Name = "bulan")]
    public string? Month { get; set; }

    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        Mode = Mode is Schedule or Everything ? Mode : Awaiting;
        var month = DateOnly.FromDateTime(IndonesianTime.ToWib(clock.GetUtcNow()).DateTime);
        if (!string.IsNullOrWhiteSpace(Month))
        {
            if (DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen))
            {
                month = chosen;
            }
            else
            {
                Error = $"Bulan '{Month}' tidak dikenali; gunakan TTTT-BB.";
            }
        }

        if (Status is { Length: > 0 } && !ActivityStatusLabels.All.Contains(Status))
        {
            Error = $"Status '{Status}' tidak dikenal.";
        }

        if (Error is not null)
        {
            return Page().WithStatusOf(Outcome.Invalid("filter", Error));
        }

        var first = new DateOnly(month.Year, month.Month, 1);
        Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var from = IndonesianTime.StartOfDay(first);
        var to = IndonesianTime.StartOfDay(first.AddMonths(1));
        var filter = Mode switch
        {
            Schedule => new ActivityFilter(ActivityStatuses.Approved, from, to),
            Everything => new ActivityFilter(Status is { Length: > 0 } ? Status : null, from, to),
            _ => new ActivityFilter(AwaitingMe: true),
        };
        Activities = await queries.ListAsync(filter, actor, cancellationToken);
        return Page();
    }

    public string MonthLabel => DateOnly.ParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", IndonesianTime.Culture);
}
