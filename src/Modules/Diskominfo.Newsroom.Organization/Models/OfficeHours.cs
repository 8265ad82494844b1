namespace Diskominfo.Newsroom.Organization.Models;

/// <summary>
/// The admin's choice of working weekdays, office hours and time zone (one row). When there is none, the settings
/// <c>Newsroom:WorkingCalendar:*</c> apply.
/// </summary>
internal sealed class OfficeHours
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>ISO weekday numbers (1 = Monday ... 7 = Sunday), comma separated.</summary>
    public string WorkingDays { get; set; } = "";

    /// <summary>Minutes after midnight when the office opens.</summary>
    public int OpensMinute { get; set; }

    /// <summary>Minutes after midnight when it closes; 1440 is midnight at the end of the day.</summary>
    public int ClosesMinute { get; set; }

    public string TimeZone { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
