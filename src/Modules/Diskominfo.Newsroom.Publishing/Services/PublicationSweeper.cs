using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Publishing.Connections;
using Diskominfo.Newsroom.Publishing.Data;
using Microsoft.Extensions.Options;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// The database, not the job queue, is the source of truth: at start-up and every minute, every unfinished
/// publication that nobody holds and that is due gets a job again, and every one due before the next sweep gets a job
/// at its time. A job lost with a process (the in-memory job store beside SQLite loses them all) is thus redone, and a
/// publication waiting for its time (publish later, a retry) still goes out at that time, not at the first sweep after
/// it; a job that still exists as well finds the lease taken or the record finished and does nothing.
/// </summary>
internal sealed partial class PublicationSweeper(
    PublishingDbContext db, ChannelStatus channels, PublicationQueue queue, TimeProvider clock, ILogger<PublicationSweeper> logger)
{
    public const string RecurringJobId = "publishing-sweep";

    /// <summary>How far ahead a sweep gives publications a job at their time: past the next sweep, a minute on.</summary>
    public static readonly TimeSpan LookAhead = TimeSpan.FromSeconds(75);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Publications.AsNoTracking()
            .Where(p => (p.Status == PublicationStatuses.Pending || p.Status == PublicationStatuses.Unknown)
                        && (p.LeaseUntil == null || p.LeaseUntil < now)
                        && (p.NextAttemptAt == null || p.NextAttemptAt <= now))
            .OrderBy(p => p.DueAt)
            .Select(p => new { p.Id, p.Channel })
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var publication in due)
        {
            await queue.EnqueueAsync(publication.Id, publication.Channel);
        }

        if (due.Count > 0)
        {
            LogRequeued(logger, due.Count);
        }

        var horizon = now + LookAhead;
        var coming = await db.Publications.AsNoTracking()
            .Where(p => (p.Status == PublicationStatuses.Pending || p.Status == PublicationStatuses.Unknown)
                        && p.NextAttemptAt > now && p.NextAttemptAt <= horizon
                        && (p.LeaseUntil == null || p.LeaseUntil < p.NextAttemptAt))
            .OrderBy(p => p.NextAttemptAt)
            .Select(p => new { p.Id, p.Channel, p.NextAttemptAt })
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var publication in coming)
        {
            await queue.ScheduleAsync(publication.Id, publication.Channel, publication.NextAttemptAt!.Value - now);
        }

        await channels.WarnExpiringAsync(cancellationToken);

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unfinished publications handed to the job server again")]
    private static partial void LogRequeued(ILogger logger, int count);
}

/// <summary>
/// At start-up: credentials from configuration become connections, the leases this node (<see cref="NodeIdentity"/>) held
/// when it stopped are freed (no job of this node runs yet: they were a crashed process's), what a previous process left
/// unfinished is requeued at once, and the sweep runs every minute. Other nodes' leases expire after
/// <see cref="PublishingOptions.Lease"/>: one more sweep just after that resumes their publications without waiting for the minute.
/// </summary>
internal sealed partial class PublicationRecovery(
    IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<PublishingOptions> options, NodeIdentity node, TimeProvider clock,
    ILogger<PublicationRecovery> logger) : IStartupTask
{
    public int Order => 100;

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        await scopedServices.GetRequiredService<ChannelDirectory>().SeedFromConfigurationAsync(cancellationToken);
        var freed = await ReleaseOwnLeasesAsync(scopedServices.GetRequiredService<PublishingDbContext>(), cancellationToken);
        if (freed > 0)
        {
            LogLeasesFreed(logger, freed, node.Id);
        }

        recurring.AddOrUpdate<PublicationSweeper>(PublicationSweeper.RecurringJobId, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        await scopedServices.GetRequiredService<PublicationSweeper>().RunAsync(cancellationToken);
        jobs.Schedule<PublicationSweeper>(s => s.RunAsync(CancellationToken.None), options.Value.Lease + TimeSpan.FromSeconds(1));
    }

    /// <summary>Runs before this node's job server starts, so every lease in this node's name is a dead process's.</summary>
    private async Task<int> ReleaseOwnLeasesAsync(PublishingDbContext db, CancellationToken cancellationToken)
    {
        var owner = node.Id;
        var now = clock.GetUtcNow();
        return await db.Publications
            .Where(p => p.LeaseOwner == owner && p.LeaseUntil != null && p.LeaseUntil > now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseUntil, (DateTimeOffset?)null).SetProperty(p => p.LeaseOwner, (string?)null), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} publication leases left by this node ({NodeId}) before a restart were freed; their publications resume now")]
    private static partial void LogLeasesFreed(ILogger logger, int count, string nodeId);
}
