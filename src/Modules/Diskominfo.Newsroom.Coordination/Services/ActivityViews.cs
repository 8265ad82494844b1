namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// An activity as the API and the desk show it (times in WIB). <see cref="Trail"/> and <see cref="Actions"/> (what the
/// caller may do now) are given for one activity, null in lists.
/// </summary>
public sealed record ActivityView(
    Guid Id, string AgendaNumber, string Title, string Organizer, string Place, DateTimeOffset Start, DateTimeOffset End,
    string? Contact, string LetterNumber, DateOnly LetterDate, Guid? SectionId, string? SectionName, string Status, string StatusLabel,
    DateTimeOffset ReceivedAt, DateTimeOffset RegisteredAt, string RegisteredBy, LetterView Letter, PendingView? Pending,
    IReadOnlyList<TrailEntryView>? Trail, IReadOnlyList<string>? Actions);

public sealed record LetterView(string Url, string ContentType, string FileName, long Size);

/// <summary>The step it waits in: since when, due when (its standard time in working time), overdue or not.</summary>
public sealed record PendingView(string Step, string StepLabel, string Role, DateTimeOffset Since, DateTimeOffset Due, bool Overdue, string Standard);

public sealed record TrailEntryView(
    int Sequence, string Action, string Label, string? Role, string ActorName, string? ActingAs, string? Note, string? FromStatus, string ToStatus,
    DateTimeOffset At);
