using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Operations.Data;
using Diskominfo.Newsroom.Operations.Metrics;
using Diskominfo.Newsroom.Operations.Models;

namespace Diskominfo.Newsroom.Operations.Handlers;

/// <summary>A failed sign-in (the Users module's audit event): counted for the metrics and the status page.</summary>
internal sealed class CountFailedSignIns(OperationsDbContext db, OperationsMetrics metrics) : IEventHandler<AuditEvent>
{
    public async Task HandleAsync(AuditEvent @event, CancellationToken cancellationToken)
    {
        if (@event.Action != AuditActions.SignInFailed)
        {
            return;
        }

        var reason = @event.After?.GetValueOrDefault("reason") ?? "unknown";
        reason = reason.Length > 64 ? reason[..64] : reason;
        metrics.FailedSignIn(reason);
        db.SignInFailures.Add(new SignInFailure { At = @event.At, Reason = reason });
        await db.SaveChangesAsync(cancellationToken);
    }
}
