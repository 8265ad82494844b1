namespace Diskominfo.Newsroom.Abstractions.Calendar;

/// <summary>
/// A snapshot of the working calendar: the working weekdays, the office hours on them (in <see cref="Zone"/>), and the
/// days off (holidays and <i>cuti bersama</i>, with their names). Working time is the time inside office hours on a
/// working day that is not a day off. A standard time in days counts <see cref="WorkingDay"/> per day.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly IReadOnlyDictionary<DateOnly, string> daysOff;
    private readonly IReadOnlySet<DayOfWeek> workingDays;

    public WorkingCalendar(
        TimeZoneInfo zone, IReadOnlySet<DayOfWeek> workingDays, TimeOnly opens, TimeOnly closes,
        IReadOnlyDictionary<DateOnly, string> daysOff, string description)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (closes <= opens && closes != TimeOnly.MinValue)
        {
            throw new ArgumentException("Office hours must close after they open.", nameof(closes));
        }

        Zone = zone;
        this.workingDays = workingDays;
        Opens = opens;
        Closes = closes;
        this.daysOff = daysOff;
        Description = description;
    }

    /// <summary>Every day, all day: wall-clock time (what the standard times counted before the working calendar).</summary>
    public static WorkingCalendar AlwaysOpen { get; } = new(
        TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToHashSet(), TimeOnly.MinValue, TimeOnly.MinValue,
        new Dictionary<DateOnly, string>(), "Waktu jam dinding: setiap hari, 24 jam");

    public TimeZoneInfo Zone { get; }

    public TimeOnly Opens { get; }

    /// <summary>00:00 means midnight at the end of the day.</summary>
    public TimeOnly Closes { get; }

    /// <summary>Which calendar this is, in Indonesian, for reports ("Kalender kerja: Senin–Jumat 07.30–16.00 WIB, ...").</summary>
    public string Description { get; }

    public IReadOnlyDictionary<DateOnly, string> DaysOff => daysOff;

    /// <summary>The working time of one working day (the length of the office hours).</summary>
    public TimeSpan WorkingDay => Length(Opens, Closes);

    public bool IsWorkingDay(DateOnly day) => workingDays.Contains(day.DayOfWeek) && !daysOff.ContainsKey(day);

    /// <summary>The name of the day off, or null for a day that is not a holiday or <i>cuti bersama</i>.</summary>
    public string? DayOffName(DateOnly day) => daysOff.TryGetValue(day, out var name) ? name : null;

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var day = LocalDay(from);
        var lastDay = LocalDay(to);
        for (; day <= lastDay; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var (start, end) = Hours(day);
            var overlapStart = start > from ? start : from;
            var overlapEnd = end < to ? end : to;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }

    /// <summary>
    /// The instant when <paramref name="workingTime"/> of working time has passed after <paramref name="from"/>: the
    /// due time of a step received at <paramref name="from"/>. Zero gives the next working instant.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan workingTime)
    {
        var left = workingTime < TimeSpan.Zero ? TimeSpan.Zero : workingTime;
        var day = LocalDay(from);
        for (var guard = 0; guard < 366 * 50; guard++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var (start, end) = Hours(day);
            var begin = start > from ? start : from;
            if (end <= begin)
            {
                continue;
            }

            if (end - begin >= left)
            {
                return begin + left;
            }

            left -= end - begin;
        }

        throw new InvalidOperationException("The working calendar has no working time in the next fifty years.");
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The office hours of a day as instants (DST-safe: each end is converted from the zone's local time).</summary>
    private (DateTimeOffset Start, DateTimeOffset End) Hours(DateOnly day)
    {
        var start = day.ToDateTime(Opens);
        var end = Closes == TimeOnly.MinValue ? day.AddDays(1).ToDateTime(TimeOnly.MinValue) : day.ToDateTime(Closes);
        return (At(start), At(end));
    }

    private DateTimeOffset At(DateTime local) => new(local, Zone.GetUtcOffset(local));

    private static TimeSpan Length(TimeOnly opens, TimeOnly closes)
        => closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) - opens.ToTimeSpan() : closes - opens;
}
