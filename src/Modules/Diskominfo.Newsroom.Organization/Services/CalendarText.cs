using System.Globalization;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>Weekdays, office hours and time zones as people write them and as the API carries them.</summary>
internal static class CalendarText
{
    /// <summary>Monday first, as the office's week runs.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly string[] IndonesianNames = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];

    public static int Iso(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    public static string Indonesian(DayOfWeek day) => IndonesianNames[Iso(day) - 1];

    /// <summary>The API's name of a weekday: "monday".</summary>
    public static string Key(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>Reads "monday", "Senin", "1" (ISO: 1 = Monday ... 7 = Sunday).</summary>
    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        day = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var iso) && iso is >= 1 and <= 7)
        {
            day = Week[iso - 1];
            return true;
        }

        var index = Array.FindIndex(IndonesianNames, n => n.Equals(value, StringComparison.OrdinalIgnoreCase) || (n == "Jumat" && value.Equals("Jum'at", StringComparison.OrdinalIgnoreCase)));
        if (index >= 0)
        {
            day = Week[index];
            return true;
        }

        return Enum.TryParse(value, ignoreCase: true, out day) && Enum.IsDefined(day) && !int.TryParse(value, out _);
    }

    /// <summary>Reads "07:30", "07.30" or "7:30"; "24:00" (midnight at the end of the day) gives 1440.</summary>
    public static bool TryParseMinute(string? text, out int minute)
    {
        minute = 0;
        var value = text?.Trim().Replace('.', ':');
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value is "24:00")
        {
            minute = 24 * 60;
            return true;
        }

        if (!TimeOnly.TryParseExact(value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        minute = (time.Hour * 60) + time.Minute;
        return true;
    }

    /// <summary>"07:30"; 1440 is "24:00".</summary>
    public static string Minute(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    /// <summary>The office's way: "07.30".</summary>
    public static string MinuteIndonesian(int minute) => $"{minute / 60:00}.{minute % 60:00}";

    /// <summary>1440 (the end of the day) is <see cref="TimeOnly.MinValue"/>, as <see cref="Abstractions.Calendar.WorkingCalendar"/> reads it.</summary>
    public static TimeOnly Time(int minute) => minute >= 24 * 60 ? TimeOnly.MinValue : new TimeOnly(minute / 60, minute % 60);

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>WIB, WITA, WIT for Indonesia's zones; the zone's id otherwise.</summary>
    public static string ZoneLabel(string id) => id switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => id,
    };

    /// <summary>"Senin–Jumat", "Senin, Rabu, Jumat", "setiap hari".</summary>
    public static string Days(IReadOnlyCollection<DayOfWeek> days)
    {
        var isos = days.Select(Iso).Order().ToList();
        if (isos.Count == 7)
        {
            return "setiap hari";
        }

        if (isos.Count == 0)
        {
            return "tanpa hari kerja";
        }

        var consecutive = isos[^1] - isos[0] == isos.Count - 1;
        return consecutive && isos.Count > 2
            ? $"{IndonesianNames[isos[0] - 1]}–{IndonesianNames[isos[^1] - 1]}"
            : string.Join(", ", isos.Select(i => IndonesianNames[i - 1]));
    }
}
