namespace Diskominfo.Newsroom.Abstractions.Notifications;

/// <summary>
/// The e-mail outbox (Notifications module): a mail queued here is sent by the outbox's sender, retried on failure.
/// When SMTP is not configured, <see cref="Enabled"/> is false and nothing is queued.
/// </summary>
public interface IMailOutbox
{
    bool Enabled { get; }

    /// <summary>The desk's public address, for links in the mails (no trailing slash).</summary>
    string DeskBaseUrl { get; }

    /// <summary>Queues one mail, in the caller's transaction when there is one.</summary>
    Task QueueAsync(string to, string toName, string subject, string body, CancellationToken cancellationToken);
}
