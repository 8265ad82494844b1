using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Operations.Data;
using Diskominfo.Newsroom.Operations.Models;
using Diskominfo.Newsroom.Operations.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Diskominfo.Newsroom.Operations.Pages.Admin;

/// <summary>"Status sistem": the readiness checks, the figures of the metrics and the last 24 hours' samples, for admins.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class StatusModel(HealthCheckService health, StatusReader reader, OperationsDbContext db, TimeProvider clock) : PageModel
{
    public HealthReport Report { get; private set; } = null!;

    public StatusSnapshot Snapshot { get; private set; } = null!;

    public IReadOnlyList<StatusSample> Samples { get; private set; } = [];

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset To { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await health.CheckHealthAsync(cancellationToken);
        Snapshot = await reader.ReadAsync(cancellationToken);
        To = clock.GetUtcNow();
        From = To.AddDays(-1);
        var from = From;
        Samples = await db.Samples.AsNoTracking().Where(s => s.At >= from).OrderBy(s => s.At).ToListAsync(cancellationToken);
    }

    public string Chart(string title, string unit, Func<StatusSample, double?> value)
        => StatusChart.Svg(title, unit, Samples.Select(s => (s.At, value(s))).ToList(), From, To);

    public static string StatusClass(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "warning",
        _ => "alert",
    };
}
