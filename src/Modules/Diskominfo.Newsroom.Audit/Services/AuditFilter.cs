using System.Globalization;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Audit.Services;

/// <summary>
/// Which entries to show: a period (UTC: <see cref="From"/> included; the end either <see cref="Before"/>, excluded, for a
/// date, or <see cref="Through"/>, included, for a date-time), a person (the account
/// id exactly, or part of the user name or full name), an action (exact, or a prefix ending with a dot such as
/// <c>auth.</c>), and a page.
/// </summary>
internal sealed partial record AuditFilter(
    DateTimeOffset? From, DateTimeOffset? Before, DateTimeOffset? Through, string? Actor, string? Action, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 100_000;

    public bool ActionIsPrefix => Action?.EndsWith('.') == true;

    /// <summary>The action groups a filter may name with their prefix (<c>auth.</c>, <c>account.</c>...).</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
        AuditActions.All.Select(a => a[..(a.IndexOf('.', StringComparison.Ordinal) + 1)]).Where(p => p.Length > 0).Distinct().ToList();

    /// <summary>Reads the query string; every refusal says, in Indonesian and per field, what to send instead.</summary>
    public static Outcome<AuditFilter> Parse(string? from, string? to, string? actor, string? action, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var (start, _) = Moment(from, "from", errors);
        var (end, endDay) = Moment(to, "to", errors);
        var before = endDay is { } last ? IndonesianTime.StartOfDay(last.AddDays(1)) : (DateTimeOffset?)null;
        var through = endDay is null ? end : null;
        if (start is not null && (before <= start || through < start))
        {
            errors["to"] = ["Akhir periode (to) tidak boleh sebelum awal periode (from)."];
        }

        var who = string.IsNullOrWhiteSpace(actor) ? null : actor.Trim();
        if (who?.Length > 100)
        {
            errors["actor"] = ["Nama atau ID pengguna paling panjang 100 karakter."];
        }

        var what = string.IsNullOrWhiteSpace(action) ? null : action.Trim();
        if (what is not null && !(what.EndsWith('.') ? Prefixes.Contains(what) : AuditActions.All.Contains(what)))
        {
            errors["action"] = [$"Tindakan '{Shorten(what)}' tidak dikenal. Pakai nama tindakan seperti {AuditActions.SignedIn}, atau awalannya yang diakhiri titik: {string.Join(", ", Prefixes)}."];
        }

        var number = Number(page, 1, MaxPage, "page", $"Halaman (page) harus bilangan bulat 1 sampai {MaxPage}.", errors);
        var size = Number(pageSize, DefaultPageSize, MaxPageSize, "pageSize", $"Jumlah per halaman (pageSize) harus bilangan bulat 1 sampai {MaxPageSize}.", errors);
        return errors.Count > 0
            ? Outcome<AuditFilter>.From(Outcome.Invalid(errors, "Saringan log audit tidak valid."))
            : Outcome<AuditFilter>.Ok(new AuditFilter(start, before, through, who, what, number, size));
    }

    /// <summary>
    /// A date (yyyy-MM-dd: the start of that day in WIB, and the day) or a date-time (ISO 8601; WIB when it names no
    /// offset), as a UTC instant.
    /// </summary>
    private static (DateTimeOffset? At, DateOnly? Day) Moment(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && Plausible(day.Year))
        {
            return (IndonesianTime.StartOfDay(day), day);
        }

        if (DateTimePattern().IsMatch(text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) && Plausible(time.Year))
        {
            var at = time.Kind switch
            {
                DateTimeKind.Utc => new DateTimeOffset(time, TimeSpan.Zero),
                DateTimeKind.Local => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
                _ => new DateTimeOffset(time, IndonesianTime.WibOffset),
            };
            return (at.ToUniversalTime(), null);
        }

        errors[field] = [$"Waktu '{Shorten(text)}' tidak dikenali; gunakan tanggal TTTT-BB-HH (WIB, misalnya 2026-11-23) atau tanggal dan jam ISO 8601 (misalnya 2026-11-23T08:00:00+07:00)."];
        return (null, null);
    }

    /// <summary>Years a log can hold; also keeps the conversions to UTC away from the calendar's ends.</summary>
    private static bool Plausible(int year) => year is >= 1900 and <= 9000;

    private static int Number(string? value, int fallback, int max, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors[field] = [message];
        return fallback;
    }

    private static string Shorten(string text) => AuditValues.Cut(text, 40);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex DateTimePattern();
}
