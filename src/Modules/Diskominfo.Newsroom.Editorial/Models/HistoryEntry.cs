namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>One line of the buku agenda: who did what to the item, when, on which exact content.</summary>
internal sealed class HistoryEntry
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    public int Sequence { get; set; }

    public string Step { get; set; } = "";

    public string Action { get; set; } = "";

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string? Role { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Note { get; set; }

    public string? ContentHash { get; set; }

    public Guid? VersionId { get; set; }

    /// <summary>On a "scheduled" entry: the publication time set (null: as soon as signed).</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>
    /// The post the actor acted in, in its legal form: "Kepala Seksi Pengelolaan Media dan Penyiaran", or for an acting
    /// official "Plh. Kepala Dinas Komunikasi dan Informatika". Null on entries made before posts were recorded.
    /// </summary>
    public string? ActingAs { get; set; }

    /// <summary>For an acting official (Plh/Plt): the number of the appointment letter.</summary>
    public string? Reference { get; set; }

    /// <summary>The previous entry's <see cref="EntryHash"/>; null on the first entry.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>The hash of this entry's fields and <see cref="PreviousHash"/> (see <see cref="HistoryChain"/>).</summary>
    public string EntryHash { get; set; } = "";
}

internal static class HistoryActions
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
