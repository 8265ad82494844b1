namespace Diskominfo.Newsroom.Publishing.Models;

/// <summary>One run of a publication against its channel: what was sent, and how it ended. Kept for the operator.</summary>
internal sealed class PublicationAttempt
{
    public long Id { get; set; }

    public Guid PublicationId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public const string Running = "running";

    public const string Interrupted = "interrupted";

    /// <summary>The attempt could not learn whether the post exists (no answer to the post call, or to the lookup).</summary>
    public const string Unknown = "unknown";

    /// <summary>published, retry, unknown, failed, held, dry_run; running while the call is under way, interrupted if it never ended.</summary>
    public string Outcome { get; set; } = "";

    public string? Request { get; set; }

    public string? RemoteId { get; set; }

    /// <summary>Meta's code and subcode, as <c>190/463</c>.</summary>
    public string? ErrorCode { get; set; }

    public string? Message { get; set; }
}

/// <summary>The operator's own caption for one item on one channel, used instead of the generated one.</summary>
internal sealed class CaptionOverride
{
    public Guid ItemId { get; set; }

    public string Channel { get; set; } = "";

    public string Text { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
