using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Notifications.Data;
using Diskominfo.Newsroom.Notifications.Models;
using Diskominfo.Newsroom.Notifications.Services;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Notifications.Handlers;

/// <summary>
/// In the transaction of the step that caused it: an inbox line for everyone the item now waits for (the holders of the
/// post covering the item's seksi and those acting for them, but not its writers nor those who took a step of it), and an
/// e-mail in the outbox for those with an address when SMTP is configured. The person who acted is not told about his own act.
/// </summary>
internal sealed class NotifyWhenAwaiting(
    NotificationsDbContext db, IUserDirectory directory, IOrganization organization, IContentCatalog content, IOptions<SmtpOptions> smtp)
    : IEventHandler<ItemAwaiting>
{
    public async Task HandleAsync(ItemAwaiting @event, CancellationToken cancellationToken)
    {
        var recipients = @event.UserId is not null
            ? (await directory.GetAsync(@event.UserId, cancellationToken) is { } owner ? [owner] : [])
            : @event.Role is not null ? await organization.WhoMayActAsync(@event.Role, @event.SectionId, @event.At, cancellationToken) : [];
        var title = (await content.GetTitlesAsync([@event.ItemId], cancellationToken)).GetValueOrDefault(@event.ItemId, "(tanpa judul)");
        // The inbox keeps 1,000 characters: a long note is cut there (the whole note stays on the item's trail).
        var described = Describe(@event, title);
        var message = described.Length > 1000 ? described[..999] + "…" : described;
        var excluded = @event.UserId is null ? @event.Excluded ?? [] : [];
        foreach (var user in recipients.Where(u => u.Id != @event.ActorId && !excluded.Contains(u.Id)).DistinctBy(u => u.Id))
        {
            db.Inbox.Add(new Notification
            {
                UserId = user.Id,
                ItemId = @event.ItemId,
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
                    Subject = @event.Reason switch
                    {
                        AwaitingReasons.Returned => $"Naskah dikembalikan: {title}",
                        AwaitingReasons.Assigned => $"Penugasan PPTK: {title}",
                        _ => $"Menunggu tindakan Anda: {title}",
                    },
                    Body = $"Yth. {user.DisplayName},\n\n{message}\n\nBuka naskah: {smtp.Value.DeskBaseUrl.TrimEnd('/')}{DeskPaths.Item(@event.ItemId)}\n\n-- Newsroom Diskominfo",
                    CreatedAt = @event.At,
                    NextAttemptAt = @event.At,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Describe(ItemAwaiting @event, string title)
    {
        var role = @event.Role is null ? "" : NewsroomRoles.Title(@event.Role);
        return @event.Reason switch
        {
            AwaitingReasons.Submitted => $"“{title}” diajukan oleh {@event.ActorName} dan menunggu Anda sebagai {role}.",
            AwaitingReasons.Passed => $"“{title}” telah diparaf {@event.ActorName} dan kini menunggu Anda sebagai {role}."
                                      + (@event.Note is null ? "" : $" Catatan: {@event.Note}"),
            AwaitingReasons.Invalidated => $"“{title}” diubah oleh {@event.ActorName} setelah diparaf; paraf sebelumnya batal dan naskah menunggu Anda lagi sebagai {role}.",
            AwaitingReasons.Returned => $"“{title}” dikembalikan oleh {@event.ActorName} dengan catatan: {@event.Note}",
            AwaitingReasons.Ordered => $"Adventorial “{title}” dipesan oleh {@event.ActorName} dan menunggu Anda menugaskan PPTK. Catatan: {@event.Note}",
            AwaitingReasons.Assigned => $"Anda ditugaskan {@event.ActorName} sebagai PPTK adventorial “{title}”; siapkan berkasnya."
                                        + (@event.Note is null ? "" : $" Catatan: {@event.Note}"),
            _ => $"“{title}” menunggu Anda.",
        };
    }
}
