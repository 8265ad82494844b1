namespace Diskominfo.Newsroom.Abstractions.Editorial;

/// <summary>Reads the state and the history of items in the approval chain (Editorial module).</summary>
public interface IWorkflowQuery
{
    Task<WorkflowView?> GetAsync(Guid itemId, CancellationToken cancellationToken);

    /// <summary>Checks the item's history against its hash chain; null when the item does not exist.</summary>
    Task<HistoryCheck?> VerifyHistoryAsync(Guid itemId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, string>> GetStatusesAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);

    /// <summary>
    /// What awaits the actor, oldest first: items at a step of a post he holds or acts in (Plh/Plt) covering the item's
    /// seksi, unless he wrote the item or took another step of it; and the actor's own items returned with a note.
    /// </summary>
    Task<IReadOnlyList<AwaitingItem>> ListAwaitingAsync(Security.Actor actor, CancellationToken cancellationToken);
}

/// <summary>
/// An item waiting for someone: since when it reached the step, for which role, the step's standard (mutu baku) in the
/// working minutes it allows, the return note if it came back, and the post the actor acts in when that is not his own
/// (for example "Plh. Kepala Dinas Komunikasi dan Informatika").
/// </summary>
public sealed record AwaitingItem(
    Guid ItemId, string Status, string? AwaitingRole, DateTimeOffset Since, string? Note, int StandardMinutes, string? ActingAs = null)
{
    /// <summary>When the step is due under the office's working calendar (null: counted in wall-clock minutes).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The standard as the settings give it: "15 menit", "2 hari kerja".</summary>
    public string? Standard { get; init; }

    /// <summary>The working minutes it has waited, as of the moment the list was read.</summary>
    public double? WorkingMinutes { get; init; }

    public bool IsOverdue(DateTimeOffset now) => DueAt is { } due ? now > due : (now - Since).TotalMinutes > StandardMinutes;
}

/// <summary>
/// An item's place in its chain: the roles in order (the last one signs), the index of the step awaited
/// (-1 when none), the history, and the seksi the item belongs to (null for items from before the office's structure).
/// </summary>
public sealed record WorkflowView(
    Guid ItemId,
    string Status,
    string OwnerId,
    IReadOnlyList<string> Chain,
    int StepIndex,
    string? AwaitingRole,
    IReadOnlyList<HistoryEntryView> History,
    DateTimeOffset? PublishAt = null,
    DispositionView? Disposition = null,
    string? WriterId = null,
    Guid? SectionId = null,
    IReadOnlyCollection<string>? ExcludedFromStep = null)
{
    /// <summary>The embargo: nothing of the item publishes before it (null: none).</summary>
    public DateTimeOffset? EmbargoUntil { get; init; }

    /// <summary>Who writes the current round: the owner, the PPTK of an adventorial, or whoever started a correction.</summary>
    public string Writer => WriterId ?? OwnerId;

    public bool IsLastStep => StepIndex >= 0 && StepIndex == Chain.Count - 1;

    /// <summary>
    /// Where a return by the awaited approver goes under the content type's setting: the role of the step before
    /// (for example "kasi"), or null for the writer (the first approver always returns to the writer).
    /// </summary>
    public string? ReturnsToRole { get; init; }
}

/// <summary>
/// One line of an item's buku agenda. <paramref name="ActingAs"/> is the post the actor acted in, in its legal form
/// ("Kepala Seksi ...", "Plh. Kepala Dinas Komunikasi dan Informatika"), and <paramref name="Reference"/> the appointment
/// letter's number when he acted for the holder.
/// </summary>
public sealed record HistoryEntryView(
    int Sequence, string Step, string Action, string Actor, string ActorName, string? Role, DateTimeOffset At, string? Note, string? ContentHash,
    Guid? VersionId = null,
    string? EntryHash = null,
    string? ActingAs = null,
    string? Reference = null)
{
    /// <summary>"Budi (Kepala Seksi Penyiaran)", or "Wati (Plh. Kepala Dinas ..., surat 800/12/2026)".</summary>
    public string Signatory => ActingAs is null
        ? ActorName
        : Reference is null ? $"{ActorName} ({ActingAs})" : $"{ActorName} ({ActingAs}, surat {Reference})";
}

/// <summary>The actions of an item's history, as stored: one name for every module (Editorial writes them, the archive
/// sheet, the desk and reports read them).</summary>
public static class HistoryActions
{
    public const string Created = "created";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Signed = "signed";
    public const string Returned = "returned";

    /// <summary>An approver returned the item to the step before his (SOP: Kabid to the Kasi, Kadis to the Kabid), not to the writer.</summary>
    public const string ReturnedToStep = "returned_to_step";
    public const string Edited = "edited";
    public const string ApprovalsInvalidated = "approvals_invalidated";
    public const string Published = "published";
    public const string Archived = "archived";
    public const string Scheduled = "scheduled";
    public const string CorrectionStarted = "correction_started";
    public const string Ordered = "ordered";
    public const string Rejected = "rejected";
    public const string Assigned = "assigned";
}

/// <summary>The actions of an item's history as users read them (the desk's timeline, the archive sheet).</summary>
public static class HistoryLabels
{
    public static string Of(string action) => action switch
    {
        HistoryActions.Created => "Dibuat",
        HistoryActions.Submitted => "Diajukan",
        HistoryActions.Approved => "Diparaf",
        HistoryActions.Signed => "Ditandatangani",
        HistoryActions.Returned => "Dikembalikan",
        HistoryActions.ReturnedToStep => "Dikembalikan ke langkah sebelumnya",
        HistoryActions.Edited => "Disunting",
        HistoryActions.ApprovalsInvalidated => "Paraf dibatalkan",
        HistoryActions.Published => "Terbit",
        HistoryActions.Archived => "Diarsipkan",
        HistoryActions.Scheduled => "Waktu terbit diatur",
        HistoryActions.CorrectionStarted => "Ralat dimulai",
        HistoryActions.Ordered => "Dipesan",
        HistoryActions.Rejected => "Tidak dipilih",
        HistoryActions.Assigned => "PPTK ditugaskan",
        _ => action,
    };
}

/// <summary>Whether an item's history is intact; if not, the first entry that fails and why (Indonesian).</summary>
public sealed record HistoryCheck(bool Intact, int Entries, int? BrokenAt, string Message)
{
    /// <summary>
    /// Entries of an intact history written before the chain was keyed: only a plain SHA-256 protects them, which
    /// anyone able to write to the database could recompute (the message says so).
    /// </summary>
    public int UnkeyedEntries { get; init; }
}

/// <summary>The record given on receipt: running number of the year (for example <c>0007/2026</c>), date, news type.</summary>
public sealed record DispositionView(string Number, DateTimeOffset ReceivedAt, string? NewsType);
