using Diskominfo.Newsroom.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Notifications.Services;

/// <summary>
/// SMTP, as a warning only: the outbox keeps what it cannot send. Degraded while mails fail or wait longer than a
/// quarter of an hour; read from the outbox, so the check costs a query and never a connection to the mail server.
/// </summary>
internal sealed class MailHealthCheck(NotificationsDbContext db, IOptions<SmtpOptions> options, TimeProvider clock) : IHealthCheck
{
    public const string Name = "smtp";

    private static readonly TimeSpan Late = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("SMTP belum diatur; surel tidak dikirim.");
        }

        var late = clock.GetUtcNow() - Late;
        var waiting = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && (m.Attempts > 0 || m.CreatedAt < late))
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.Attempts, m.LastError })
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return HealthCheckResult.Healthy($"SMTP {options.Value.Host} mengirim surel.");
        }

        var error = waiting.Select(m => m.LastError).FirstOrDefault(e => e is not null);
        return HealthCheckResult.Degraded($"{waiting.Count} surel belum terkirim" + (error is null ? "." : $": {Shorten(error)}"));
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
