using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Coordination.Models;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>The step an activity waits in, since when, until when (its standard time in working time), and whether that has passed.</summary>
internal sealed record PendingStep(string Step, string Role, DateTimeOffset Since, DateTimeOffset Due, bool Overdue, StandardTime Standard);

/// <summary>The standard times and the working calendar read once, with the time now: what each activity waits for.</summary>
internal sealed class DeskTimes(IReadOnlyDictionary<string, StandardTime> standards, WorkingCalendar calendar, DateTimeOffset now)
{
    public DateTimeOffset Now => now;

    public WorkingCalendar Calendar => calendar;

    public PendingStep? Of(Activity activity)
    {
        if (activity.Pending(now) is not { } pending)
        {
            return null;
        }

        var standard = standards[pending.Step];
        var due = standard.Due(pending.Since, calendar);
        return new PendingStep(pending.Step, pending.Role, pending.Since, due, now > due, standard);
    }
}
