using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Notifications.Data;
using Diskominfo.Newsroom.Notifications.Models;
using Diskominfo.Newsroom.Notifications.Services;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Notifications.Handlers;

/// <summary>A social channel stopped (token expired or revoked) or will soon: every admin gets an inbox line and, with SMTP, an e-mail.</summary>
internal sealed class NotifyAdminsAboutChannels(NotificationsDbContext db, IUserDirectory directory, IOptions<SmtpOptions> smtp) : IEventHandler<ChannelAttentionNeeded>
{
    public const string Reason = "channel";

    public async Task HandleAsync(ChannelAttentionNeeded @event, CancellationToken cancellationToken)
    {
        foreach (var admin in await directory.ListInRoleAsync(NewsroomRoles.Admin, cancellationToken))
        {
            db.Inbox.Add(new Notification
            {
                UserId = admin.Id,
                ItemId = Guid.Empty,
                Link = @event.Link,
                Reason = Reason,
                Message = @event.Message,
                CreatedAt = @event.At,
            });
            if (smtp.Value.Enabled && !string.IsNullOrWhiteSpace(admin.Email))
            {
                db.Outbox.Add(new OutgoingMail
                {
                    To = admin.Email,
                    ToName = admin.DisplayName,
                    Subject = $"Kanal media sosial perlu tindakan: {Abstractions.Publishing.PublicationChannels.Label(@event.Channel)}",
                    Body = $"Yth. {admin.DisplayName},\n\n{@event.Message}\n\nKelola kanal: {smtp.Value.DeskBaseUrl.TrimEnd('/')}{@event.Link}\n\n-- Newsroom Diskominfo",
                    CreatedAt = @event.At,
                    NextAttemptAt = @event.At,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
