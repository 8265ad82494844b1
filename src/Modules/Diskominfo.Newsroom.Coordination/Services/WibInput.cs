using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>Times and dates as people type them: WIB unless an offset is given.</summary>
internal static class WibInput
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>An instant, as UTC: with an offset (or Z) as given, without one as WIB; null when it cannot be read.</summary>
    public static DateTimeOffset? Instant(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, IndonesianTime.WibOffset).ToUniversalTime();
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var given) && HasOffset(value)
            ? given.ToUniversalTime()
            : null;
    }

    public static DateOnly? Date(string? text)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// A bound of a period: a date is the start of that WIB day (<paramref name="endOfDay"/>: the start of the next, so a
    /// "to" date includes its day), an instant as <see cref="Instant"/>.
    /// </summary>
    public static DateTimeOffset? Bound(string? text, bool endOfDay)
        => Date(text) is { } day ? IndonesianTime.StartOfDay(endOfDay ? day.AddDays(1) : day) : Instant(text);

    /// <summary>The value for an <c>&lt;input type="datetime-local"&gt;</c> in WIB.</summary>
    public static string Local(DateTimeOffset at) => IndonesianTime.ToWib(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static bool HasOffset(string value)
        => value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
}
