using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Calendar.Services;

/// <summary>
/// A calendar's period [<see cref="From"/>, <see cref="To"/>): from and to as ISO dates (WIB days, both included) or
/// instants (with an offset; without one the time is read as WIB). At most <see cref="MaxDays"/> days.
/// </summary>
internal sealed record CalendarRange(DateTimeOffset From, DateTimeOffset To)
{
    public const int MaxDays = 366;

    /// <summary>The period of the per-person feed: 60 days back to 365 days ahead of today (WIB).</summary>
    public static CalendarRange Feed(DateTimeOffset now)
    {
        var today = Today(now);
        return new(IndonesianTime.StartOfDay(today.AddDays(-60)), IndonesianTime.StartOfDay(today.AddDays(366)));
    }

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(IndonesianTime.ToWib(now).DateTime);

    public static Outcome<CalendarRange> Parse(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Read(from, "from", endOfDay: false, errors);
        var end = Read(to, "to", endOfDay: true, errors);
        if (errors.Count == 0 && end <= start)
        {
            errors["to"] = ["Akhir periode harus sesudah awalnya."];
        }

        if (errors.Count == 0 && end - start > TimeSpan.FromDays(MaxDays))
        {
            errors["to"] = [$"Periode kalender paling panjang {MaxDays} hari."];
        }

        return errors.Count > 0
            ? Outcome<CalendarRange>.From(Outcome.Invalid(errors, "Periode kalender tidak valid."))
            : Outcome<CalendarRange>.Ok(new CalendarRange(start, end));
    }

    private static DateTimeOffset Read(string? value, string field, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"Isi '{field}' dengan tanggal (TTTT-BB-HH) atau waktu ISO 8601."];
            return default;
        }

        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return IndonesianTime.StartOfDay(endOfDay ? day.AddDays(1) : day);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && value.Contains('T', StringComparison.Ordinal))
        {
            var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || value.LastIndexOfAny(['+', '-']) > value.IndexOf('T', StringComparison.Ordinal);
            return hasOffset ? at.ToUniversalTime() : new DateTimeOffset(at.DateTime, IndonesianTime.WibOffset).ToUniversalTime();
        }

        errors[field] = [$"'{value}' bukan tanggal (TTTT-BB-HH) atau waktu ISO 8601, misalnya 2026-12-01 atau 2026-12-01T09:00:00+07:00."];
        return default;
    }
}
