using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Coverage.Data;
using Diskominfo.Newsroom.Coverage.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>
/// The coverage flow in the service-time report: the Kasi's assignment (from the disposition), covering and reporting
/// (from the assignment, again from each return), the Kasi's check and the head's approval. The head's disposition
/// starts when the activity reached the schedule, which this module does not see, and the bulletin's compilation is
/// monthly: both are listed with their standards but have no spans.
/// </summary>
internal sealed class CoverageServiceTimeSource(CoverageDbContext db, CoverageStandards standards, IActivitySchedule schedule) : IServiceTimeSource
{
    public const string FlowKey = "coverage";

    public string Flow => FlowKey;

    public string FlowLabel => "Peliputan pemberitaan";

    public async Task<IReadOnlyList<ServiceTimeStep>> StepsAsync(CancellationToken cancellationToken)
    {
        var times = await standards.GetAsync(cancellationToken);
        return [.. CoverageSteps.All.Select(d => new ServiceTimeStep(d.Step, d.Label, times[d.Step]))];
    }

    public async Task<IReadOnlyList<ServiceTimeSpan>> SpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromUtc = from.ToUniversalTime();
        var toUtc = to.ToUniversalTime();
        var steps = await db.Steps.AsNoTracking()
            .Where(s => (s.Start >= fromUtc && s.Start < toUtc) || s.End == null)
            .OrderBy(s => s.Start).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var assignments = steps.Select(s => s.AssignmentId).Distinct().ToList();
        var activityOf = await db.Assignments.AsNoTracking().Where(a => assignments.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ActivityId, cancellationToken);
        var activities = await schedule.FindManyAsync([.. activityOf.Values.Distinct()], cancellationToken);
        return [.. steps.Select(s => new ServiceTimeSpan(
            s.Step,
            s.AssignmentId.ToString(),
            CoverageNotices.Title(activityOf.TryGetValue(s.AssignmentId, out var activityId) ? activities.GetValueOrDefault(activityId) : null),
            s.Start,
            s.End,
            s.SectionId,
            CoverageNotices.Link(s.AssignmentId)))];
    }
}
