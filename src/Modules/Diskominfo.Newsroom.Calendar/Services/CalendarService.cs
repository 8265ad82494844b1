using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Calendar.Services;

/// <summary>Gathers every registered <see cref="ICalendarSource"/> for an actor, and passes a move to the source that owns the entry.</summary>
internal sealed class CalendarService(IEnumerable<ICalendarSource> sources, IWorkingCalendar workingCalendar, IOrganization organization)
{
    public async Task<CalendarView> ListAsync(Actor actor, CalendarRange range, CalendarFilter filter, CancellationToken cancellationToken)
    {
        var sections = filter.SectionId is { } sectionId ? await SectionAndChildrenAsync(sectionId, cancellationToken) : null;
        var entries = new List<CalendarEntry>();
        foreach (var source in sources.Where(s => s.Kinds.Any(filter.Shows)))
        {
            entries.AddRange(await source.ListAsync(actor, range.From, range.To, cancellationToken));
        }

        var shown = entries
            .Where(e => filter.Shows(e.Kind))
            .Where(e => sections is null || (e.SectionId is { } s && sections.Contains(s)))
            .Where(e => e.Start < range.To && (e.End ?? e.Start) >= range.From)
            .DistinctBy(e => e.Id)
            .OrderBy(e => e.Start).ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .Select(CalendarEntryView.From)
            .ToList();
        return new CalendarView(range.From, range.To, shown, await DaysOffAsync(range, cancellationToken));
    }

    /// <summary>The holidays and cuti bersama in the period, by WIB date.</summary>
    public async Task<IReadOnlyList<DayOff>> DaysOffAsync(CalendarRange range, CancellationToken cancellationToken)
    {
        var calendar = await workingCalendar.CurrentAsync(cancellationToken);
        var first = CalendarRange.Today(range.From);
        var last = CalendarRange.Today(range.To.AddTicks(-1));
        return [.. calendar.DaysOff.Where(d => d.Key >= first && d.Key <= last).OrderBy(d => d.Key).Select(d => new DayOff(d.Key, d.Value))];
    }

    public Task<WorkingCalendar> WorkingCalendarAsync(CancellationToken cancellationToken) => workingCalendar.CurrentAsync(cancellationToken);

    public async Task<Outcome> RescheduleAsync(Actor actor, string? entryId, DateTimeOffset? start, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(entryId))
        {
            return Outcome.Invalid("id", "Isi id entri kalender yang dipindahkan.");
        }

        if (start is null)
        {
            return Outcome.Invalid("start", "Isi waktu mulai yang baru (waktu ISO 8601 dengan zona waktu).");
        }

        // Several sources may give one kind: the move goes to the one that knows the entry (the others answer 404).
        var kind = entryId.Split(':', 2)[0];
        foreach (var source in sources.Where(s => s.Kinds.Contains(kind)))
        {
            var outcome = await source.RescheduleAsync(actor, entryId, start.Value.ToUniversalTime(), cancellationToken); // the stores keep UTC
            if (outcome.Kind != OutcomeKind.NotFound)
            {
                return outcome;
            }
        }

        return Outcome.NotFound("Entri kalender tidak ditemukan.");
    }

    public Task<IReadOnlyList<OrgSection>> SectionsAsync(CancellationToken cancellationToken) => organization.ListSectionsAsync(cancellationToken);

    private async Task<HashSet<Guid>> SectionAndChildrenAsync(Guid sectionId, CancellationToken cancellationToken)
    {
        var all = await organization.ListSectionsAsync(cancellationToken);
        return [sectionId, .. all.Where(s => s.ParentId == sectionId).Select(s => s.Id)];
    }
}
