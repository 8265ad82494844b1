namespace Diskominfo.Newsroom.Calendar.Pages.OfficeCalendar;

/// <summary>The desk calendar's views, as the <c>tampilan</c> query value names them.</summary>
internal static class CalendarViews
{
    public const string Month = "bulan";
    public const string Week = "minggu";
    public const string Day = "hari";
    public const string Agenda = "agenda";

    /// <summary>Agenda view shows this many days from its date.</summary>
    public const int AgendaDays = 30;

    public static IReadOnlyList<(string Value, string Label)> All { get; } =
        [(Month, "Bulan"), (Week, "Minggu"), (Day, "Hari"), (Agenda, "Agenda")];

    public static bool IsKnown(string? view) => All.Any(v => v.Value == view);
}
