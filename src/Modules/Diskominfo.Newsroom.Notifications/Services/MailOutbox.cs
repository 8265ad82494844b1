using Diskominfo.Newsroom.Abstractions.Notifications;
using Diskominfo.Newsroom.Notifications.Data;
using Diskominfo.Newsroom.Notifications.Models;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Notifications.Services;

/// <summary>
/// The outbox as other modules use it: a mail is an <see cref="OutgoingMail"/> row, saved in the caller's transaction
/// when there is one, and sent by <see cref="MailSender"/>. Without SMTP nothing is queued.
/// </summary>
internal sealed class MailOutbox(NotificationsDbContext db, IOptions<SmtpOptions> smtp, TimeProvider clock) : IMailOutbox
{
    public bool Enabled => smtp.Value.Enabled;

    public string DeskBaseUrl => smtp.Value.DeskBaseUrl.TrimEnd('/');

    public async Task QueueAsync(string to, string toName, string subject, string body, CancellationToken cancellationToken)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(to))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutgoingMail
        {
            To = to,
            ToName = toName,
            Subject = subject.Length > 300 ? subject[..300] : subject,
            Body = body.Length > 8000 ? body[..8000] : body,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
