namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>A day off as the API shows it: <c>{date: "2026-08-17", name, kind: "holiday"|"cuti-bersama"}</c>.</summary>
public sealed record DayOffView(DateOnly Date, string Name, string Kind);

/// <summary>
/// The working calendar as the API shows it: working weekdays ("monday"...), office hours ("07:30", "16:00"; "24:00" is
/// the end of the day), the time zone, the days off of the year asked for, and the calendar's description.
/// <paramref name="Source"/> says where the hours come from: "database" (an admin's choice) or "settings" (appsettings).
/// </summary>
public sealed record WorkingCalendarView(
    IReadOnlyList<string> WorkingDays, string Opens, string Closes, string TimeZone, int Year, IReadOnlyList<DayOffView> DaysOff, string Description,
    string Source);

/// <summary>What an admin sends: the week, the hours, the zone, and optionally the whole list of days off of the year.</summary>
public sealed record WorkingCalendarInput(
    IReadOnlyList<string>? WorkingDays, string? Opens, string? Closes, string? TimeZone, IReadOnlyList<DayOffInput>? DaysOff = null);

/// <summary>One day off as sent: date (<c>yyyy-MM-dd</c>), name, kind ("holiday" or "cuti-bersama"; default holiday).</summary>
public sealed record DayOffInput(string? Date, string? Name, string? Kind);
