namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// The office's working week and hours until an admin sets them on the desk (<c>Newsroom:WorkingCalendar</c>; the
/// admin's values in the database win).
/// </summary>
internal sealed class WorkingCalendarOptions
{
    public const string Section = "Newsroom:WorkingCalendar";

    /// <summary>Working weekdays, comma separated: English or Indonesian names, or ISO numbers (1 = Monday).</summary>
    public string WorkingDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    /// <summary>When the office opens, "07:30".</summary>
    public string Opens { get; set; } = "07:30";

    /// <summary>When it closes, "16:00"; "24:00" is midnight at the end of the day.</summary>
    public string Closes { get; set; } = "16:00";

    /// <summary>An IANA time zone; by default the archive's (<c>Newsroom:Archive:TimeZone</c>), else <c>Asia/Jakarta</c>.</summary>
    public string? TimeZone { get; set; }
}
