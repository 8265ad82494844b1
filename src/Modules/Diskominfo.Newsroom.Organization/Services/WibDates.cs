using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>Calendar days as the office counts them: in WIB, written the Indonesian way.</summary>
internal static class WibDates
{
    /// <summary>The WIB date of an instant.</summary>
    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(IndonesianTime.ToWib(at).DateTime);

    /// <summary>
    /// Reads <c>yyyy-MM-dd</c>, or a date-time: with an offset it is taken at its WIB date, without one as a WIB clock reading.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local) && local.Kind == DateTimeKind.Unspecified)
        {
            day = DateOnly.FromDateTime(local);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            day = Of(instant);
            return true;
        }

        return false;
    }

    /// <summary><c>3 Desember 2026</c>.</summary>
    public static string Long(DateOnly day) => day.ToString("d MMMM yyyy", IndonesianTime.Culture);

    /// <summary><c>3–5 Desember 2026</c>, <c>28 November – 2 Desember 2026</c>, <c>30 Desember 2026 – 2 Januari 2027</c>.</summary>
    public static string Range(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return Long(from);
        }

        if (from.Year == to.Year && from.Month == to.Month)
        {
            return $"{from.Day}–{Long(to)}";
        }

        return from.Year == to.Year
            ? $"{from.ToString("d MMMM", IndonesianTime.Culture)} – {Long(to)}"
            : $"{Long(from)} – {Long(to)}";
    }

    /// <summary>The value of an HTML date input.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
