using Diskominfo.Newsroom.Abstractions.Calendar;

namespace Diskominfo.Newsroom.Calendar.Services;

/// <summary>The calendar of a period as the API gives it: its entries and the days off (holidays, cuti bersama) in it.</summary>
public sealed record CalendarView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CalendarEntryView> Entries, IReadOnlyList<DayOff> DaysOff);

/// <summary>One entry with its kind's Indonesian label.</summary>
public sealed record CalendarEntryView(
    string Id, string Kind, string KindLabel, string Title, DateTimeOffset Start, DateTimeOffset? End, bool AllDay,
    Guid? SectionId, string? Place, string? Url, string? Status, bool CanReschedule)
{
    public static CalendarEntryView From(CalendarEntry entry) => new(
        entry.Id, entry.Kind, CalendarKinds.Label(entry.Kind), entry.Title, entry.Start, entry.End, entry.AllDay,
        entry.SectionId, entry.Place, entry.Url, entry.Status, entry.CanReschedule);
}

/// <summary>A holiday or cuti bersama (WIB date) with its name.</summary>
public sealed record DayOff(DateOnly Date, string Name);

/// <summary>What to show: the kinds (all when empty) and a bidang or seksi (a bidang takes in its seksi).</summary>
internal sealed record CalendarFilter(IReadOnlySet<string> Kinds, Guid? SectionId)
{
    public static CalendarFilter All { get; } = new(new HashSet<string>(), null);

    public bool Shows(string kind) => Kinds.Count == 0 || Kinds.Contains(kind);
}
