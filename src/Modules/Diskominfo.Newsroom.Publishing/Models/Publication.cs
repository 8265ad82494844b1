using Diskominfo.Newsroom.Abstractions.Publishing;

namespace Diskominfo.Newsroom.Publishing.Models;

/// <summary>
/// What must be published where: written in the same transaction as the signature, executed by a job.
/// The remote ids are stored the moment the remote side answers, so a retry checks before it posts again.
/// </summary>
internal sealed class Publication
{
    public Guid Id { get; set; }

    public Guid ItemId { get; set; }

    public Guid VersionId { get; set; }

    public string ContentType { get; set; } = "";

    public string Channel { get; set; } = "";

    public string Status { get; set; } = PublicationStatuses.Pending;

    /// <summary>0 for the first publication; each correction (ralat) publishes a further round.</summary>
    public int Round { get; set; }

    /// <summary>For a correction: its reason, shown with the article and appended to the Facebook post.</summary>
    public string? CorrectionNote { get; set; }

    /// <summary>For a Facebook correction: the id of the post to edit (instead of posting a new one).</summary>
    public string? EditOf { get; set; }

    public int Attempts { get; set; }

    /// <summary>
    /// An earlier call may have made the post (timeout, Meta's 5xx or code 1/2, a crash mid-call, a restore): the next
    /// attempt looks it up at Meta before posting, and a lookup that does not answer is never read as "not posted".
    /// </summary>
    public bool AttemptOpen { get; set; }

    /// <summary>Lookups in a row that Meta did not answer; their waits grow with it (capped), and they use up no attempts.</summary>
    public int LookupFailures { get; set; }

    /// <summary>When the publication is due: the signature time (or the scheduled time); the article's date.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>A job holds the publication until this time; no other job runs it meanwhile.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The node (<c>Newsroom:NodeId</c>) whose job holds the lease: a node restarting after a crash frees its own at once.</summary>
    public string? LeaseOwner { get; set; }

    public string? ContainerId { get; set; }

    public string? RemoteId { get; set; }

    public string? Url { get; set; }

    public string? LastError { get; set; }

    public string? DryRunRequest { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsFinished => !PublicationStatuses.IsOpen(Status);

    public bool IsCorrection => CorrectionNote is not null;
}
