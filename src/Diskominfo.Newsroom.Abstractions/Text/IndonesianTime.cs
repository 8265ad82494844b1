using System.Globalization;

namespace Diskominfo.Newsroom.Abstractions.Text;

/// <summary>Times as the office reads them: Western Indonesian Time (WIB, UTC+7), Indonesian month names.</summary>
public static class IndonesianTime
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("id-ID");

    public static TimeSpan WibOffset { get; } = TimeSpan.FromHours(7);

    public static DateTimeOffset ToWib(DateTimeOffset at) => at.ToOffset(WibOffset);

    /// <summary>
    /// Midnight WIB at the start of the day, as a UTC instant: the stores keep UTC, and SQLite compares times by their
    /// local clock reading, so a +07:00 value in a query would be seven hours off.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), WibOffset).ToUniversalTime();

    /// <summary>For example <c>23 Nov 2026 09.30 WIB</c>.</summary>
    public static string Short(DateTimeOffset at) => ToWib(at).ToString("d MMM yyyy HH.mm", Culture) + " WIB";

    /// <summary>How long something has waited, in words: <c>3 menit</c>, <c>2 jam 5 menit</c>, <c>4 hari</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "kurang dari 1 menit";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return $"{(int)span.TotalMinutes} menit";
        }

        return span < TimeSpan.FromDays(1)
            ? $"{(int)span.TotalHours} jam {span.Minutes} menit"
            : $"{(int)span.TotalDays} hari";
    }
}
