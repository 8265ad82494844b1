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
}

internal static class HistoryActions
{
    public const string Created = "created";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Signed = "signed";
    public const string Returned = "returned";
    public const string Edited = "edited";
    public const string ApprovalsInvalidated = "approvals_invalidated";
    public const string Published = "published";
    public const string Archived = "archived";
}
