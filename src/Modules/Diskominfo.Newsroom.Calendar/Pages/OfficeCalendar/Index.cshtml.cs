using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Calendar.Endpoints;
using Diskominfo.Newsroom.Calendar.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Diskominfo.Newsroom.Calendar.Pages.OfficeCalendar;

/// <summary>
/// The office's calendar on the desk: month, week, day and agenda views with navigation, filters by seksi and kind,
/// days off, and moving an entry (a form without script; drag and drop with it). Without a chosen view the month is
/// shown on wide screens and the agenda on phones.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class IndexModel(CalendarService calendar, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tampilan")]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "tanggal")]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true, Name = "seksi")]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true, Name = "jenis")]
    public List<string> Kinds { get; set; } = [];

    public DateOnly Anchor { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The days shown: the month's weeks, the week, the day, or the agenda's days.</summary>
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];

    public CalendarView Calendar { get; private set; } = null!;

    public WorkingCalendar Working { get; private set; } = WorkingCalendar.AlwaysOpen;

    public IReadOnlyList<OrgSection> Sections { get; private set; } = [];

    public string? Error { get; private set; }

    public bool IsDefaultView => !CalendarViews.IsKnown(View);

    /// <summary>The view the server lays out (the month when none is chosen; the agenda beside it for phones).</summary>
    public string Layout => IsDefaultView ? CalendarViews.Month : View!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(cancellationToken);
        return refusal is null ? Page() : Page().WithStatusOf(refusal);
    }

    /// <summary>Moves an entry: from the "Pindahkan" form (WIB date and time), or from the drag-and-drop script (JSON answer).</summary>
    public async Task<IActionResult> OnPostPindahkanAsync(string? id, string? mulai, CancellationToken cancellationToken)
    {
        var start = ParseWib(mulai);
        var outcome = start is null
            ? Outcome.Invalid("mulai", "Isi tanggal dan jam baru, misalnya 2026-12-01 09.00.")
            : await calendar.RescheduleAsync(Actor.FromPrincipal(User)!, id, start, cancellationToken);
        var message = outcome.Succeeded ? $"Jadwal dipindahkan ke {IndonesianTime.Short(start!.Value)}." : Describe(outcome);
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonResult(new { ok = outcome.Succeeded, message }) { StatusCode = OutcomeResults.StatusOf(outcome).Status };
        }

        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = message;
            var query = QueryHelpers.ParseQuery(Request.QueryString.Value).Where(q => q.Key != "handler");
            return Redirect(QueryHelpers.AddQueryString(CalendarModule.DeskPath, query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))));
        }

        await LoadAsync(cancellationToken);
        Error = message;
        return Page().WithStatusOf(outcome);
    }

    private async Task<Outcome?> LoadAsync(CancellationToken cancellationToken)
    {
        Today = CalendarRange.Today(clock.GetUtcNow());
        Outcome? refusal = null;
        Anchor = Today;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var anchor))
            {
                Anchor = anchor;
            }
            else
            {
                refusal = Outcome.Invalid("tanggal", $"Tanggal '{Date}' tidak dikenali; gunakan format TTTT-BB-HH, misalnya 2026-12-01.");
            }
        }

        var filter = CalendarEndpoints.ParseFilter(string.Join(',', Kinds), Section);
        if (!filter.Succeeded)
        {
            refusal ??= filter;
            Kinds = [];
            Section = null;
        }

        Days = DaysOf(Layout, Anchor);
        var range = new CalendarRange(IndonesianTime.StartOfDay(Days[0]), IndonesianTime.StartOfDay(Days[^1].AddDays(1)));
        Calendar = await calendar.ListAsync(Actor.FromPrincipal(User)!, range, filter.Succeeded ? filter.Value! : CalendarFilter.All, cancellationToken);
        Working = await calendar.WorkingCalendarAsync(cancellationToken);
        Sections = [.. (await calendar.SectionsAsync(cancellationToken)).Where(s => s.Active)];
        Error = refusal is null ? null : Describe(refusal);
        return refusal;
    }

    private static string Describe(Outcome outcome)
        => outcome.Errors is { Count: > 0 } errors ? string.Join(" ", errors.SelectMany(e => e.Value)) : outcome.Message ?? "Tidak dapat dilakukan.";

    /// <summary>The days a view shows around <paramref name="anchor"/>: whole weeks from Monday for the month and the week.</summary>
    public static IReadOnlyList<DateOnly> DaysOf(string view, DateOnly anchor)
    {
        static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var (first, count) = view switch
        {
            CalendarViews.Week => (Monday(anchor), 7),
            CalendarViews.Day => (anchor, 1),
            CalendarViews.Agenda => (anchor, CalendarViews.AgendaDays),
            _ => MonthGrid(anchor),
        };
        return [.. Enumerable.Range(0, count).Select(first.AddDays)];

        static (DateOnly, int) MonthGrid(DateOnly anchor)
        {
            var first = new DateOnly(anchor.Year, anchor.Month, 1);
            var start = Monday(first);
            var last = first.AddMonths(1).AddDays(-1);
            var end = Monday(last).AddDays(7);
            return (start, end.DayNumber - start.DayNumber);
        }
    }

    /// <summary>The anchor of the previous (<paramref name="step"/> -1) or next (+1) period of the current view.</summary>
    public DateOnly Step(int step) => Layout switch
    {
        CalendarViews.Week => Anchor.AddDays(7 * step),
        CalendarViews.Day => Anchor.AddDays(step),
        CalendarViews.Agenda => Anchor.AddDays(CalendarViews.AgendaDays * step),
        _ => Anchor.AddMonths(step),
    };

    public string Heading => Layout switch
    {
        CalendarViews.Week => $"Minggu {Days[0].ToString("d MMM", IndonesianTime.Culture)} – {Days[^1].ToString("d MMM yyyy", IndonesianTime.Culture)}",
        CalendarViews.Day => Anchor.ToString("dddd, d MMMM yyyy", IndonesianTime.Culture),
        CalendarViews.Agenda => $"Agenda {Days[0].ToString("d MMM", IndonesianTime.Culture)} – {Days[^1].ToString("d MMM yyyy", IndonesianTime.Culture)}",
        _ => Anchor.ToString("MMMM yyyy", IndonesianTime.Culture),
    };

    /// <summary>The entries on a WIB day (an entry spanning days is on each of them), all-day ones first.</summary>
    public IEnumerable<CalendarEntryView> On(DateOnly day) => Calendar.Entries
        .Where(e => FirstDay(e) <= day && day <= LastDay(e))
        .OrderBy(e => !e.AllDay).ThenBy(e => e.Start);

    public bool HasEntries(DateOnly day) => On(day).Any();

    public string? DayOffName(DateOnly day)
        => Calendar.DaysOff.FirstOrDefault(d => d.Date == day)?.Name;

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public string DayClass(DateOnly day) => string.Join(' ', new[]
    {
        "day",
        IsWeekend(day) ? "weekend" : null,
        DayOffName(day) is not null || !Working.IsWorkingDay(day) ? "day-off" : null,
        day == Today ? "today" : null,
        Layout == CalendarViews.Month && day.Month != Anchor.Month ? "other-month" : null,
    }.Where(c => c is not null));

    /// <summary>Whether entries may be dragged in this view (month, week, day).</summary>
    public bool DragView => Layout is CalendarViews.Month or CalendarViews.Week or CalendarViews.Day;

    public static string Time(CalendarEntryView entry) => entry.AllDay
        ? "Sepanjang hari"
        : IndonesianTime.ToWib(entry.Start).ToString("HH.mm", IndonesianTime.Culture) + (entry.End is { } end && end > entry.Start
            ? "–" + IndonesianTime.ToWib(end).ToString("HH.mm", IndonesianTime.Culture)
            : "");

    /// <summary>The start as the form's datetime-local value (WIB).</summary>
    public static string LocalValue(CalendarEntryView entry) => IndonesianTime.ToWib(entry.Start).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool KindChecked(string kind) => Kinds.Count == 0 || Kinds.Contains(kind);

    /// <summary>The page's address for a view and date, keeping the filters.</summary>
    public string LinkTo(string? view, DateOnly date) => Link(view, date, Kinds, Section, includeView: view is not null);

    /// <summary>Where the move form posts: this page's handler, keeping view, date and filters.</summary>
    public string MoveAction => QueryHelpers.AddQueryString(
        Link(IsDefaultView ? null : View, Anchor, Kinds, Section, includeView: !IsDefaultView), "handler", "Pindahkan");

    private static string Link(string? view, DateOnly date, IReadOnlyList<string> kinds, string? section, bool includeView)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (includeView && view is not null)
        {
            query.Add(new("tampilan", view));
        }

        query.Add(new("tanggal", Iso(date)));

        if (!string.IsNullOrEmpty(section))
        {
            query.Add(new("seksi", section));
        }

        query.AddRange(kinds.Select(k => new KeyValuePair<string, string?>("jenis", k)));
        return QueryHelpers.AddQueryString(CalendarModule.DeskPath, query);
    }

    private static DateOnly FirstDay(CalendarEntryView e) => CalendarRange.Today(e.Start);

    private static DateOnly LastDay(CalendarEntryView e)
        => e.End is { } end && end > e.Start ? CalendarRange.Today(e.AllDay ? end.AddTicks(-1) : end) : FirstDay(e);

    /// <summary>A WIB date and time from the form ("2026-12-01T09:00"), or an ISO instant with its offset.</summary>
    private static DateTimeOffset? ParseWib(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH.mm", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, IndonesianTime.WibOffset);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
    }
}
