using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Calendar;

/// <summary>The kinds of entries on the office's calendar (values as they appear in the API and the filters).</summary>
public static class CalendarKinds
{
    /// <summary>An activity on the schedule (jadwal kegiatan), from an invitation (Coverage module).</summary>
    public const string Activity = "activity";

    /// <summary>A coverage assignment (penugasan liputan) (Coverage module).</summary>
    public const string Assignment = "assignment";

    /// <summary>A signed item scheduled to publish later (Publishing module).</summary>
    public const string Publication = "publication";

    /// <summary>An adventorial's publication date (tanggal tayang) (Content module).</summary>
    public const string Adventorial = "adventorial";

    /// <summary>A press release held by an embargo until its "not before" time (Editorial module).</summary>
    public const string Embargo = "embargo";

    public static IReadOnlyList<string> All { get; } = [Activity, Assignment, Publication, Adventorial, Embargo];

    public static string Label(string kind) => kind switch
    {
        Activity => "Kegiatan",
        Assignment => "Penugasan liputan",
        Publication => "Jadwal terbit",
        Adventorial => "Tayang adventorial",
        Embargo => "Embargo",
        _ => kind,
    };
}

/// <summary>
/// One entry of the office's calendar. <paramref name="Id"/> is unique across sources ("{kind}:{id}");
/// <paramref name="AllDay"/> entries (an adventorial's date) span whole days in WIB; <paramref name="Url"/> is the
/// desk page (relative); <paramref name="CanReschedule"/> says whether this actor may move it (drag on the calendar).
/// </summary>
public sealed record CalendarEntry(
    string Id,
    string Kind,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset? End,
    bool AllDay,
    Guid? SectionId,
    string? Place,
    string? Url,
    string? Status,
    bool CanReschedule);

/// <summary>
/// A module's contribution to the office's calendar (Calendar module gathers them all). Each source lists only what
/// the actor may see.
/// </summary>
public interface ICalendarSource
{
    /// <summary>The kinds this source gives.</summary>
    IReadOnlyList<string> Kinds { get; }

    /// <summary>The entries overlapping [<paramref name="from"/>, <paramref name="to"/>) that the actor may see.</summary>
    Task<IReadOnlyList<CalendarEntry>> ListAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the entry to start at <paramref name="start"/> (keeping its length), when the actor may: otherwise
    /// NotFound, Forbidden or Conflict with the reason in Indonesian.
    /// </summary>
    Task<Outcome> RescheduleAsync(Actor actor, string entryId, DateTimeOffset start, CancellationToken cancellationToken);
}
