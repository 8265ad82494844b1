using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Coordination.Data;
using Diskominfo.Newsroom.Coordination.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// The coordination flow in the service-time report: the registration (from the letter's arrival to its entry in the
/// agenda book), the Kasi's, Kabid's and Kadis's steps (from the status that awaited them to the step that let it go,
/// a return opening the step before again), and the filing (from the end of an approved activity).
/// The coordination itself (SOP step 6) happens at the activity, outside the newsroom: its standard is listed, no spans.
/// </summary>
internal sealed class CoordinationServiceTimes(CoordinationDbContext db, CoordinationStandards standards, TimeProvider clock) : IServiceTimeSource
{
    public string Flow => "coordination";

    public string FlowLabel => "Koordinasi dan kerjasama (undangan)";

    public async Task<IReadOnlyList<ServiceTimeStep>> StepsAsync(CancellationToken cancellationToken)
    {
        var current = await standards.CurrentAsync(cancellationToken);
        return [.. CoordinationSteps.All.Select(step => new ServiceTimeStep(step, CoordinationSteps.Label(step), current[step]))];
    }

    public async Task<IReadOnlyList<ServiceTimeSpan>> SpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());

        // Every span of an activity starts no later than its last step (StatusSince) or, for the filing, the activity's end.
        var rows = await db.Activities.AsNoTracking().Include(a => a.Trail)
            .Where(a => a.ReceivedAt < end && (a.Status != ActivityStatuses.Filed || a.StatusSince >= start))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows.SelectMany(a => Spans(a, now)).Where(s => s.End is null || (s.Start >= start && s.Start < end)).OrderBy(s => s.Start)];
    }

    internal static IEnumerable<ServiceTimeSpan> Spans(Activity activity, DateTimeOffset now)
    {
        var subject = activity.Id.ToString();
        var title = $"{activity.AgendaNumber} {activity.Title}";
        var url = CoordinationPaths.Details(activity.Id);
        ServiceTimeSpan Span(string step, DateTimeOffset begin, DateTimeOffset? finish) => new(step, subject, title, begin, finish, activity.SectionId, url);

        yield return Span(CoordinationSteps.Register, activity.ReceivedAt, activity.RegisteredAt);
        (string Step, DateTimeOffset Since)? open = null;
        foreach (var entry in activity.Trail.OrderBy(e => e.Sequence))
        {
            if (entry.Action == ActivityAction.Reschedule)
            {
                continue;
            }

            if (open is { } step)
            {
                yield return Span(step.Step, step.Since, entry.At);
            }

            open = entry.ToStatus switch
            {
                ActivityStatuses.Registered => (CoordinationSteps.Kasi, entry.At),
                ActivityStatuses.Proposed => (CoordinationSteps.Kabid, entry.At),
                ActivityStatuses.Initialled => (CoordinationSteps.Kadis, entry.At),
                ActivityStatuses.Approved => (CoordinationSteps.Filing, activity.End > entry.At ? activity.End : entry.At),
                _ => null,
            };
        }

        // A filing span opens only once the activity has taken place.
        if (open is { } last && last.Since <= now)
        {
            yield return Span(last.Step, last.Since, null);
        }
    }
}
