using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Organization.Data;
using Diskominfo.Newsroom.Organization.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// The office's working calendar as kept: working weekdays, office hours and time zone (an admin's choice over
/// <c>Newsroom:WorkingCalendar</c>), and the days off with their names. Admins change them; each change is in the audit
/// log and refreshes <see cref="OfficeWorkingCalendar"/>.
/// </summary>
internal sealed class WorkingCalendarSettings(
    OrganizationDbContext db, NewsroomDatabase database, IEventPublisher events, IOptions<WorkingCalendarOptions> options,
    OfficeWorkingCalendar cache, TimeProvider clock)
{
    private const string AuditTarget = "organization.working_calendar";

    /// <summary>The week, hours and zone in force (minutes after midnight; 1440 closes at midnight).</summary>
    internal sealed record Hours(IReadOnlySet<DayOfWeek> Days, int Opens, int Closes, string TimeZone, bool FromDatabase);

    public static bool MayManage(Actor actor) => actor.IsInRole(NewsroomRoles.Admin);

    public async Task<Hours> HoursAsync(CancellationToken cancellationToken)
    {
        var row = await db.OfficeHours.AsNoTracking().SingleOrDefaultAsync(h => h.Id == OfficeHours.SingletonId, cancellationToken);
        if (row is not null)
        {
            var days = row.WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(d => CalendarText.Week[int.Parse(d, CultureInfo.InvariantCulture) - 1]).ToHashSet();
            return new Hours(days, row.OpensMinute, row.ClosesMinute, row.TimeZone, true);
        }

        var o = options.Value;
        var errors = new Dictionary<string, string[]>();
        var hours = Check(o.WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries), o.Opens, o.Closes, o.TimeZone, errors);
        return hours ?? throw new InvalidOperationException(
            $"{WorkingCalendarOptions.Section} is not valid: {string.Join(" ", errors.Values.SelectMany(v => v))}");
    }

    public async Task<IReadOnlyList<DayOffView>> DaysOffAsync(int? year, CancellationToken cancellationToken)
    {
        var query = db.DaysOff.AsNoTracking();
        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(d => d.Date >= from && d.Date <= to);
        }

        return [.. (await query.ToListAsync(cancellationToken)).OrderBy(d => d.Date).Select(d => new DayOffView(d.Date, d.Name, d.Kind))];
    }

    /// <summary>The snapshot the standard times count with (every day off of every year).</summary>
    public async Task<WorkingCalendar> BuildAsync(CancellationToken cancellationToken)
    {
        var hours = await HoursAsync(cancellationToken);
        var daysOff = await DaysOffAsync(null, cancellationToken);
        CalendarText.TryFindZone(hours.TimeZone, out var zone);
        return new WorkingCalendar(
            zone, hours.Days, CalendarText.Time(hours.Opens), CalendarText.Time(hours.Closes),
            daysOff.ToDictionary(d => d.Date, d => d.Name), Describe(hours, daysOff));
    }

    public async Task<WorkingCalendarView> ViewAsync(int year, CancellationToken cancellationToken)
    {
        var hours = await HoursAsync(cancellationToken);
        var all = await DaysOffAsync(null, cancellationToken);
        return new WorkingCalendarView(
            [.. CalendarText.Week.Where(hours.Days.Contains).Select(CalendarText.Key)], CalendarText.Minute(hours.Opens), CalendarText.Minute(hours.Closes),
            hours.TimeZone, year, [.. all.Where(d => d.Date.Year == year)], Describe(hours, all), hours.FromDatabase ? "database" : "settings");
    }

    /// <summary>From November on: whether next year has no day off entered yet (the settings page warns).</summary>
    public async Task<int?> MissingNextYearAsync(CancellationToken cancellationToken)
    {
        var today = WibDates.Of(clock.GetUtcNow());
        if (today.Month < 11)
        {
            return null;
        }

        var next = today.Year + 1;
        return (await DaysOffAsync(next, cancellationToken)).Count == 0 ? next : null;
    }

    /// <summary>
    /// Sets the week, the hours and the zone; with <see cref="WorkingCalendarInput.DaysOff"/> also replaces every day off
    /// of <paramref name="year"/> with that list (each date must fall in that year).
    /// </summary>
    public async Task<Outcome> SaveAsync(WorkingCalendarInput input, int year, Actor actor, CancellationToken cancellationToken)
    {
        if (!MayManage(actor))
        {
            return Outcome.Forbidden("Hanya admin sistem yang dapat mengubah kalender kerja.");
        }

        var errors = new Dictionary<string, string[]>();
        var hours = Check(input.WorkingDays ?? [], input.Opens, input.Closes, input.TimeZone, errors);
        var daysOff = new List<DayOff>();
        if (input.DaysOff is { } list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (CheckDayOff(list[i], $"daysOff[{i}]", errors) is { } day)
                {
                    if (day.Date.Year != year)
                    {
                        errors[$"daysOff[{i}].date"] = [$"Tanggal {WibDates.Iso(day.Date)} bukan tahun {year}; daftar ini menggantikan hari libur tahun {year} saja."];
                    }
                    else if (daysOff.Any(d => d.Date == day.Date))
                    {
                        errors[$"daysOff[{i}].date"] = [$"Tanggal {WibDates.Iso(day.Date)} tercantum dua kali."];
                    }
                    else
                    {
                        daysOff.Add(day);
                    }
                }
            }
        }

        if (errors.Count > 0 || hours is null)
        {
            return Outcome.Invalid(errors);
        }

        var outcome = await database.InTransactionAsync(async ct =>
        {
            var before = await HoursAsync(ct);
            var row = await db.OfficeHours.SingleOrDefaultAsync(h => h.Id == OfficeHours.SingletonId, ct);
            if (row is null)
            {
                row = new OfficeHours();
                db.OfficeHours.Add(row);
            }

            var now = clock.GetUtcNow();
            row.WorkingDays = string.Join(',', CalendarText.Week.Where(hours.Days.Contains).Select(CalendarText.Iso));
            row.OpensMinute = hours.Opens;
            row.ClosesMinute = hours.Closes;
            row.TimeZone = hours.TimeZone;
            row.UpdatedAt = now;
            row.UpdatedBy = actor.DisplayName;
            string? listChange = null;
            if (input.DaysOff is not null)
            {
                var from = new DateOnly(year, 1, 1);
                var to = new DateOnly(year, 12, 31);
                var old = await db.DaysOff.Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
                db.DaysOff.RemoveRange(old);
                await db.SaveChangesAsync(ct);
                foreach (var day in daysOff)
                {
                    day.UpdatedAt = now;
                    day.UpdatedBy = actor.DisplayName;
                }

                db.DaysOff.AddRange(daysOff);
                listChange = $"; hari libur {year}: {old.Count} menjadi {daysOff.Count} hari";
            }

            await db.SaveChangesAsync(ct);
            await events.PublishAsync(new AuditEvent(
                AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, AuditTarget, "hours",
                $"Kalender kerja diubah: {DescribeHours(before)} menjadi {DescribeHours(hours)}{listChange}.", now,
                Before: new Dictionary<string, string?> { ["hours"] = DescribeHours(before) },
                After: new Dictionary<string, string?> { ["hours"] = DescribeHours(hours) }), ct);
            return Outcome.Ok();
        }, cancellationToken);
        await cache.ChangedAsync();
        return outcome;
    }

    public async Task<Outcome<DayOffView>> AddDayOffAsync(DayOffInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (!MayManage(actor))
        {
            return Outcome<DayOffView>.From(Outcome.Forbidden("Hanya admin sistem yang dapat mengubah hari libur."));
        }

        var errors = new Dictionary<string, string[]>();
        if (CheckDayOff(input, null, errors) is not { } day)
        {
            return Outcome<DayOffView>.From(Outcome.Invalid(errors));
        }

        var outcome = await database.InTransactionAsync(async ct =>
        {
            if (await db.DaysOff.AsNoTracking().SingleOrDefaultAsync(d => d.Date == day.Date, ct) is { } existing)
            {
                return Outcome.Conflict($"{WibDates.Long(day.Date)} sudah tercatat sebagai {DayOffKinds.Label(existing.Kind).ToLowerInvariant()} \"{existing.Name}\"; ubah namanya saja bila perlu.");
            }

            day.UpdatedAt = clock.GetUtcNow();
            day.UpdatedBy = actor.DisplayName;
            db.DaysOff.Add(day);
            await db.SaveChangesAsync(ct);
            await AuditDayAsync(actor, day.Date, $"Hari libur ditambahkan: {WibDates.Long(day.Date)}, {day.Name} ({DayOffKinds.Label(day.Kind)}).",
                null, Values(day), day.UpdatedAt, ct);
            return Outcome.Ok();
        }, cancellationToken);
        await cache.ChangedAsync();
        return outcome.Succeeded ? Outcome<DayOffView>.Ok(new DayOffView(day.Date, day.Name, day.Kind)) : Outcome<DayOffView>.From(outcome);
    }

    /// <summary>Renames a day off (or changes its kind); the date stays.</summary>
    public async Task<Outcome<DayOffView>> UpdateDayOffAsync(DateOnly date, DayOffInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (!MayManage(actor))
        {
            return Outcome<DayOffView>.From(Outcome.Forbidden("Hanya admin sistem yang dapat mengubah hari libur."));
        }

        var errors = new Dictionary<string, string[]>();
        if (CheckDayOff(input with { Date = WibDates.Iso(date) }, null, errors) is not { } wanted)
        {
            return Outcome<DayOffView>.From(Outcome.Invalid(errors));
        }

        DayOffView? view = null;
        var outcome = await database.InTransactionAsync(async ct =>
        {
            var day = await db.DaysOff.SingleOrDefaultAsync(d => d.Date == date, ct);
            if (day is null)
            {
                return Outcome.NotFound($"Tidak ada hari libur pada {WibDates.Long(date)}.");
            }

            var before = Values(day);
            day.Name = wanted.Name;
            day.Kind = wanted.Kind;
            day.UpdatedAt = clock.GetUtcNow();
            day.UpdatedBy = actor.DisplayName;
            await db.SaveChangesAsync(ct);
            await AuditDayAsync(actor, date, $"Hari libur {WibDates.Long(date)} diubah: {before["name"]} menjadi {day.Name} ({DayOffKinds.Label(day.Kind)}).",
                before, Values(day), day.UpdatedAt, ct);
            view = new DayOffView(day.Date, day.Name, day.Kind);
            return Outcome.Ok();
        }, cancellationToken);
        await cache.ChangedAsync();
        return outcome.Succeeded ? Outcome<DayOffView>.Ok(view!) : Outcome<DayOffView>.From(outcome);
    }

    public async Task<Outcome> RemoveDayOffAsync(DateOnly date, Actor actor, CancellationToken cancellationToken)
    {
        if (!MayManage(actor))
        {
            return Outcome.Forbidden("Hanya admin sistem yang dapat mengubah hari libur.");
        }

        var outcome = await database.InTransactionAsync(async ct =>
        {
            var day = await db.DaysOff.SingleOrDefaultAsync(d => d.Date == date, ct);
            if (day is null)
            {
                return Outcome.NotFound($"Tidak ada hari libur pada {WibDates.Long(date)}.");
            }

            db.DaysOff.Remove(day);
            await db.SaveChangesAsync(ct);
            await AuditDayAsync(actor, date, $"Hari libur dihapus: {WibDates.Long(date)}, {day.Name}; hari itu kembali menjadi hari kerja.",
                Values(day), null, clock.GetUtcNow(), ct);
            return Outcome.Ok();
        }, cancellationToken);
        await cache.ChangedAsync();
        return outcome;
    }

    /// <summary>"Kalender kerja kantor: Senin–Jumat 07.30–16.00 WIB; 25 hari libur nasional dan cuti bersama 2026".</summary>
    internal static string Describe(Hours hours, IReadOnlyList<DayOffView> daysOff)
    {
        var years = daysOff.GroupBy(d => d.Date.Year).OrderBy(g => g.Key).Select(g => $"{g.Count()} hari libur nasional dan cuti bersama {g.Key}").ToList();
        var off = years.Count == 0 ? "belum ada hari libur yang dicatat" : string.Join(", ", years);
        return $"Kalender kerja kantor: {DescribeHours(hours)}; {off}";
    }

    private static string DescribeHours(Hours hours)
        => $"{CalendarText.Days(hours.Days)} {CalendarText.MinuteIndonesian(hours.Opens)}–{CalendarText.MinuteIndonesian(hours.Closes)} {CalendarText.ZoneLabel(hours.TimeZone)}";

    private static Hours? Check(IEnumerable<string> dayNames, string? opens, string? closes, string? timeZone, Dictionary<string, string[]> errors)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var name in dayNames)
        {
            if (CalendarText.TryParseDay(name, out var day))
            {
                days.Add(day);
            }
            else
            {
                errors["workingDays"] = [$"Hari '{name}' tidak dikenali; tulis monday...sunday, Senin...Minggu, atau 1 (Senin) sampai 7 (Minggu)."];
            }
        }

        if (days.Count == 0 && !errors.ContainsKey("workingDays"))
        {
            errors["workingDays"] = ["Pilih paling sedikit satu hari kerja."];
        }

        if (!CalendarText.TryParseMinute(opens, out var open) || open >= 24 * 60)
        {
            errors["opens"] = ["Jam buka tidak dapat dibaca; tulis jam:menit, misalnya 07:30."];
        }

        if (!CalendarText.TryParseMinute(closes, out var close))
        {
            errors["closes"] = ["Jam tutup tidak dapat dibaca; tulis jam:menit, misalnya 16:00 (24:00 untuk tengah malam)."];
        }
        else if (!errors.ContainsKey("opens") && close <= open)
        {
            errors["closes"] = ["Jam tutup harus setelah jam buka."];
        }

        var zone = string.IsNullOrWhiteSpace(timeZone) ? "Asia/Jakarta" : timeZone.Trim();
        if (!CalendarText.TryFindZone(zone, out _))
        {
            errors["timeZone"] = [$"Zona waktu '{zone}' tidak dikenal; gunakan nama IANA, misalnya Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)."];
        }

        return errors.Count == 0 ? new Hours(days, open, close, zone, true) : null;
    }

    private static DayOff? CheckDayOff(DayOffInput input, string? prefix, Dictionary<string, string[]> errors)
    {
        string Field(string name) => prefix is null ? name : $"{prefix}.{name}";
        var before = errors.Count;
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(input.Date)
            || !DateOnly.TryParseExact(input.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors[Field("date")] = ["Tanggal wajib diisi sebagai tahun-bulan-tanggal, misalnya 2026-08-17."];
        }
        else if (date.Year is < 2000 or > 2100)
        {
            errors[Field("date")] = ["Tanggal harus antara tahun 2000 dan 2100."];
        }

        var name = Infrastructure.Text.UntrustedText.Clean(input.Name)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors[Field("name")] = ["Nama hari libur wajib diisi, misalnya \"Hari Proklamasi Kemerdekaan RI\"."];
        }
        else if (name.Length > DayOff.NameMaxLength)
        {
            errors[Field("name")] = [$"Nama hari libur paling panjang {DayOff.NameMaxLength} karakter."];
        }

        var kind = string.IsNullOrWhiteSpace(input.Kind) ? DayOffKinds.Holiday : input.Kind.Trim().ToLowerInvariant();
        if (!DayOffKinds.IsKnown(kind))
        {
            errors[Field("kind")] = ["Jenis hari libur harus \"holiday\" (libur nasional) atau \"cuti-bersama\"."];
        }

        return errors.Count == before ? new DayOff { Date = date, Name = name!, Kind = kind } : null;
    }

    private static Dictionary<string, string?> Values(DayOff day)
        => new() { ["date"] = WibDates.Iso(day.Date), ["name"] = day.Name, ["kind"] = day.Kind };

    private Task AuditDayAsync(
        Actor actor, DateOnly date, string summary, IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?>? after,
        DateTimeOffset at, CancellationToken ct)
        => events.PublishAsync(new AuditEvent(
            AuditActions.SettingsChanged, actor.UserId, actor.DisplayName, AuditTarget, WibDates.Iso(date), summary, at, before, after), ct);
}
