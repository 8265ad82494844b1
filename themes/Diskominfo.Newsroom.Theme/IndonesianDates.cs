using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Theme;

/// <summary>Dates as Indonesian readers write them: <c>Senin, 23 November 2026 09.30 WIB</c>.</summary>
public static class IndonesianDates
{
    public static string Format(DateTimeOffset at)
        => IndonesianTime.ToWib(at).ToString("dddd, d MMMM yyyy HH.mm", IndonesianTime.Culture) + " WIB";

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", IndonesianTime.Culture);

    /// <summary><c>November 2026</c>.</summary>
    public static string MonthName(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", IndonesianTime.Culture);
}
