namespace Diskominfo.Newsroom.Notifications.Models;

/// <summary>One line in a user's inbox.</summary>
internal sealed class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The item it is about; <see cref="Guid.Empty"/> for a notice about the system (a channel), which has a <see cref="Link"/>.</summary>
    public Guid ItemId { get; set; }

    /// <summary>Where the notice leads when it is not about an item.</summary>
    public string? Link { get; set; }

    public string Reason { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// An e-mail to send, written in the same transaction as the event that caused it (an outbox), so a crash loses
/// none and a rollback sends none. The sender marks it sent, or records the error and retries with backoff.
/// </summary>
internal sealed class OutgoingMail
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string ToName { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
