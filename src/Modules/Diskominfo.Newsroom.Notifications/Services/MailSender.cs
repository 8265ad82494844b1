using Diskominfo.Newsroom.Notifications.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Diskominfo.Newsroom.Notifications.Services;

/// <summary>
/// Sends the outbox through SMTP (MailKit). Each mail is first claimed with a conditional update, so two nodes never
/// send the same one; a failure is recorded on the mail and retried with backoff, up to <see cref="SmtpOptions.MaxAttempts"/>.
/// </summary>
internal sealed partial class MailSender(
    IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<MailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly away; the mails wait in the outbox.
                LogLoopFailure(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(10), clock, stoppingToken);
            }
        }
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var max = options.Value.MaxAttempts;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < max && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var mail in due)
        {
            var claimUntil = now.AddMinutes(5);
            var claimed = await db.Outbox
                .Where(m => m.Id == mail.Id && m.SentAt == null && m.NextAttemptAt == mail.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                await SendAsync(mail.To, mail.ToName, mail.Subject, mail.Body, cancellationToken);
                var at = clock.GetUtcNow();
                await db.Outbox.Where(m => m.Id == mail.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at).SetProperty(m => m.LastError, (string?)null), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = mail.Attempts + 1;
                var delay = options.Value.RetryDelay * Math.Pow(2, attempts - 1);
                var next = clock.GetUtcNow() + (delay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : delay);
                var error = $"Gagal mengirim surel ({e.GetType().Name}): {e.Message}";
                error = error.Length > 1000 ? error[..1000] : error;
                await db.Outbox.Where(m => m.Id == mail.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error), cancellationToken);
                LogSendFailure(logger, e, mail.Id, attempts);
            }
        }

        return sent;
    }

    private async Task SendAsync(string to, string toName, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(new MailboxAddress(toName, to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = smtp.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "ssl" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending mail {MailId} failed (attempt {Attempts}); it stays in the outbox")]
    private static partial void LogSendFailure(ILogger logger, Exception exception, long mailId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail sender's loop failed; it tries again shortly")]
    private static partial void LogLoopFailure(ILogger logger, Exception exception);
}
