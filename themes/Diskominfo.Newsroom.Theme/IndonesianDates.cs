using System.Globalization;

namespace Diskominfo.Newsroom.Theme;

/// <summary>Dates as Indonesian readers write them: <c>Senin, 23 November 2026 09.30 WIB</c>.</summary>
public static class IndonesianDates
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public static string Format(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Wib);
        return local.ToString("dddd, d MMMM yyyy HH.mm", Indonesian) + " WIB";
    }

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);
}
