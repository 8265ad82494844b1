using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Data;
using Diskominfo.Newsroom.Coverage.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>
/// Coverage assignments on the office's calendar, at their activity's place and time, for those who may see them (the
/// assignees; the Kasi of the seksi and the office's other roles). They never move on their own: the activity's time
/// rules, so <see cref="CalendarEntry.CanReschedule"/> is false and a move is refused.
/// </summary>
internal sealed class AssignmentCalendarSource(CoverageDbContext db, IActivitySchedule schedule, AssignmentQueries queries) : ICalendarSource
{
    public IReadOnlyList<string> Kinds { get; } = [CalendarKinds.Assignment];

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Activities are read through the schedule, so the range is applied to the activities' times after reading.
        var query = db.Assignments.AsNoTracking().Include(a => a.Members).AsQueryable();
        if (!actor.SeesAllWork)
        {
            query = query.Where(a => a.Members.Any(m => m.UserId == actor.UserId));
        }
        else if (await queries.SectionsOfAsync(actor, cancellationToken) is { } covered)
        {
            var sections = covered.ToList();
            query = query.Where(a => sections.Contains(a.SectionId) || a.Members.Any(m => m.UserId == actor.UserId));
        }

        var assignments = await query.ToListAsync(cancellationToken);
        var activities = await schedule.FindManyAsync([.. assignments.Select(a => a.ActivityId).Distinct()], cancellationToken);
        return [.. assignments
            .Select(a => (Assignment: a, Activity: activities.GetValueOrDefault(a.ActivityId)))
            .Where(x => x.Activity is not null && x.Activity.Start < to && x.Activity.End > from)
            .OrderBy(x => x.Activity!.Start)
            .Select(x => new CalendarEntry(
                $"{CalendarKinds.Assignment}:{x.Assignment.Id}",
                CalendarKinds.Assignment,
                $"Liputan: {x.Activity!.Title}",
                x.Activity.Start,
                x.Activity.End,
                false,
                x.Assignment.SectionId,
                x.Activity.Place,
                CoverageNotices.Link(x.Assignment.Id),
                x.Assignment.Status,
                false))];
    }

    public Task<Outcome> RescheduleAsync(Actor actor, string entryId, DateTimeOffset start, CancellationToken cancellationToken)
        => Task.FromResult(Outcome.Conflict("Waktu penugasan liputan mengikuti waktu kegiatannya: ubah jadwal kegiatan, bukan penugasannya."));
}
