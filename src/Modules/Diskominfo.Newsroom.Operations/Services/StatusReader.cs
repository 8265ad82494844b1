using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Operations.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Operations.Services;

/// <summary>
/// Reads the site's figures from the modules' contracts and the job storage. The Search and Backup modules are
/// optional: without them their figures are absent, not zero.
/// </summary>
internal sealed class StatusReader(
    OperationsDbContext db,
    IPublicationStatistics publications,
    JobStorage jobs,
    IEnumerable<ISearchIndexStatus> search,
    IEnumerable<IBackupStatus> backups,
    TimeProvider clock)
{
    public async Task<StatusSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var counts = await publications.CountAsync(cancellationToken);
        var lag = search.LastOrDefault() is { } index ? await index.GetLagAsync(cancellationToken) : null;
        var since = now.AddDays(-1);
        var failedSignIns = await db.SignInFailures.CountAsync(f => f.At > since, cancellationToken);
        return new StatusSnapshot(now, counts, Queues(), lag, failedSignIns, await BackupAsync(now, cancellationToken));
    }

    private JobQueues Queues()
    {
        var monitoring = jobs.GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        var queues = monitoring.Queues().ToDictionary(q => q.Name, q => q.Length, StringComparer.Ordinal);
        return new JobQueues(queues, statistics.Scheduled, statistics.Processing, statistics.Failed, statistics.Servers);
    }

    private async Task<BackupView> BackupAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (backups.LastOrDefault() is not { } backup)
        {
            return new BackupView(false, null, null, null);
        }

        var last = await backup.LastAsync(cancellationToken);
        var succeeded = await backup.LastSucceededAsync(cancellationToken);
        return new BackupView(true, last, succeeded, succeeded is null ? null : now - succeeded.FinishedAt);
    }
}
