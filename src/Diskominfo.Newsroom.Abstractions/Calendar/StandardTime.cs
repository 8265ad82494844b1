namespace Diskominfo.Newsroom.Abstractions.Calendar;

/// <summary>The units a standard time (mutu baku: waktu) is given in. Values as stored and as the API shows them.</summary>
public static class StandardTimeUnits
{
    public const string Minutes = "minutes";
    public const string Hours = "hours";
    public const string Days = "days";

    public static bool IsKnown(string? unit) => unit is Minutes or Hours or Days;

    public static string Label(string unit) => unit switch
    {
        Minutes => "menit",
        Hours => "jam",
        Days => "hari kerja",
        _ => unit,
    };
}

/// <summary>
/// A standard time of an SOP step, as the SOP gives it ("15 menit", "5 hari"). It counts working time only: minutes
/// and hours inside office hours, days as whole working days (each <see cref="WorkingCalendar.WorkingDay"/> long).
/// </summary>
public sealed record StandardTime(int Amount, string Unit)
{
    public static StandardTime FromMinutes(int minutes) => new(minutes, StandardTimeUnits.Minutes);

    public static StandardTime FromDays(int days) => new(days, StandardTimeUnits.Days);

    /// <summary>The working time it allows under <paramref name="calendar"/>.</summary>
    public TimeSpan WorkingTime(WorkingCalendar calendar) => Unit switch
    {
        StandardTimeUnits.Hours => TimeSpan.FromHours(Amount),
        StandardTimeUnits.Days => calendar.WorkingDay * Amount,
        _ => TimeSpan.FromMinutes(Amount),
    };

    /// <summary>When a step received at <paramref name="start"/> is due under <paramref name="calendar"/>.</summary>
    public DateTimeOffset Due(DateTimeOffset start, WorkingCalendar calendar) => calendar.AddWorkingTime(start, WorkingTime(calendar));

    /// <summary>For example "15 menit", "5 hari kerja".</summary>
    public override string ToString() => $"{Amount} {StandardTimeUnits.Label(Unit)}";
}
