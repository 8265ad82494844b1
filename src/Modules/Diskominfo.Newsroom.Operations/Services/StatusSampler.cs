using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Operations.Data;
using Diskominfo.Newsroom.Operations.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Operations.Services;

/// <summary>
/// The recurring job behind the status page's chart: every <see cref="StatusOptions.SampleMinutes"/> minutes (once for
/// all nodes, since the job server runs it once) one sample of the figures; samples and counted sign-in failures older
/// than <see cref="StatusOptions.KeepDays"/> days are removed.
/// </summary>
internal sealed class StatusSampler(
    OperationsDbContext db, StatusReader reader, HealthCheckService health, TimeProvider clock, IOptions<StatusOptions> options)
{
    public const string RecurringJobId = "operations-status-sample";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var snapshot = await reader.ReadAsync(cancellationToken);
        var report = await health.CheckHealthAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var previous = await db.Samples.AsNoTracking().OrderByDescending(s => s.At).Select(s => (DateTimeOffset?)s.At).FirstOrDefaultAsync(cancellationToken);
        var since = previous is { } at && at > now.AddHours(-1) ? at : now.AddMinutes(-options.Value.SampleMinutes);
        var sample = new StatusSample
        {
            At = now,
            Health = report.Status.ToString(),
            PublicationsOpen = snapshot.PublicationsIn(PublicationStatuses.Pending, PublicationStatuses.Held),
            PublicationsFailed = snapshot.PublicationsIn(PublicationStatuses.Failed),
            QueueDepth = (int)Math.Min(int.MaxValue, snapshot.Jobs.Waiting),
            IndexLagSeconds = snapshot.SearchIndex is { } lag ? Math.Round(lag.Lag.TotalSeconds, 1) : null,
            FailedSignIns = await db.SignInFailures.CountAsync(f => f.At > since && f.At <= now, cancellationToken),
            BackupAgeHours = snapshot.Backup.Age is { } age ? Math.Round(age.TotalHours, 2) : null,
        };
        db.Samples.Add(sample);
        await db.SaveChangesAsync(cancellationToken);

        var before = now.AddDays(-options.Value.KeepDays);
        await db.Samples.Where(s => s.At < before).ExecuteDeleteAsync(cancellationToken);
        await db.SignInFailures.Where(f => f.At < before).ExecuteDeleteAsync(cancellationToken);
    }
}
