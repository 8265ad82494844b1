using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Notifications.Data;
using Diskominfo.Newsroom.Notifications.Models;
using Diskominfo.Newsroom.Notifications.Services;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Notifications.Handlers;

/// <summary>
/// A notice about something that is not an item (see <see cref="DeskNotice"/>): an inbox line with its link for each
/// person it names or who may act in its role, and an e-mail when SMTP is configured; never to the one who acted.
/// </summary>
internal sealed class NotifyOnDeskNotice(
    NotificationsDbContext db, IUserDirectory directory, IOrganization organization, IOptions<SmtpOptions> smtp) : IEventHandler<DeskNotice>
{
    public async Task HandleAsync(DeskNotice @event, CancellationToken cancellationToken)
    {
        var recipients = new List<DirectoryUser>();
        foreach (var id in @event.UserIds ?? [])
        {
            if (await directory.GetAsync(id, cancellationToken) is { } user)
            {
                recipients.Add(user);
            }
        }

        if (@event.Role is not null)
        {
            recipients.AddRange(await organization.WhoMayActAsync(@event.Role, @event.SectionId, @event.At, cancellationToken));
        }

        var message = @event.Message.Length > 1000 ? @event.Message[..999] + "…" : @event.Message;
        foreach (var user in recipients.Where(u => u.Id != @event.ActorId).DistinctBy(u => u.Id))
        {
            db.Inbox.Add(new Notification
            {
                UserId = user.Id,
                ItemId = Guid.Empty,
                Link = @event.Link,
                Reason = @event.Reason,
                Message = message,
                CreatedAt = @event.At,
            });
            if (smtp.Value.Enabled && !string.IsNullOrWhiteSpace(user.Email))
            {
                db.Outbox.Add(new OutgoingMail
                {
                    To = user.Email,
                    ToName = user.DisplayName,
                    Subject = @event.Subject,
                    Body = $"Yth. {user.DisplayName},\n\n{message}\n\nBuka: {smtp.Value.DeskBaseUrl.TrimEnd('/')}{@event.Link}\n\n-- Newsroom Diskominfo",
                    CreatedAt = @event.At,
                    NextAttemptAt = @event.At,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
