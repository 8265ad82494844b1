using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Search;

namespace Diskominfo.Newsroom.Operations.Services;

/// <summary>The figures of one moment, for the metrics, the samples and the status page.</summary>
internal sealed record StatusSnapshot(
    DateTimeOffset At,
    IReadOnlyList<PublicationCount> Publications,
    JobQueues Jobs,
    SearchIndexLag? SearchIndex,
    int FailedSignIns24h,
    BackupView Backup)
{
    public int PublicationsIn(params string[] statuses) => Publications.Where(p => statuses.Contains(p.Status)).Sum(p => p.Count);
}

/// <summary>The job server's queues: jobs waiting per queue, scheduled, running, failed, and live servers.</summary>
internal sealed record JobQueues(IReadOnlyDictionary<string, long> Enqueued, long Scheduled, long Processing, long Failed, long Servers)
{
    public long Waiting => Enqueued.Values.Sum();
}

/// <summary>
/// The last backups as the backup module tells (<see cref="Available"/> false when no module is installed).
/// <see cref="Age"/>: since the last successful one finished.
/// </summary>
internal sealed record BackupView(bool Available, BackupSummary? Last, BackupSummary? LastSucceeded, TimeSpan? Age)
{
    public static readonly TimeSpan Stale = TimeSpan.FromDays(1);

    /// <summary>Older than a day, or never taken, or the last run failed: the page warns.</summary>
    public bool NeedsAttention => Available && (Age is null || Age > Stale || Last is { Succeeded: false });
}
