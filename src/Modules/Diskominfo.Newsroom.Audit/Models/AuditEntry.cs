namespace Diskominfo.Newsroom.Audit.Models;

/// <summary>
/// One line of the office's audit log: who did what, when, from which address, to what, with the values before and
/// after (JSON objects of strings, secrets already masked). Written once; the database refuses to change or delete it.
/// </summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The account's id; null for an unknown person (a failed sign-in with a user name nobody has).</summary>
    public string? ActorId { get; set; }

    /// <summary>The person's name as the sender gave it (for an unknown person: what was typed).</summary>
    public string? ActorName { get; set; }

    /// <summary>The account's user name when known, so the log can be searched by it as well as by the full name.</summary>
    public string? ActorUserName { get; set; }

    /// <summary>The client's address; null for background jobs.</summary>
    public string? Address { get; set; }

    /// <summary>One of <see cref="Abstractions.Audit.AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>A JSON object of strings, or null.</summary>
    public string? Before { get; set; }

    /// <summary>A JSON object of strings, or null.</summary>
    public string? After { get; set; }
}
