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
/// publication that nobody holds and that is due gets a job again. A job lost with a process is thus redone;
/// one that still exists finds the lease taken or the record finished and does nothing.
/// </summary>
internal sealed partial class PublicationSweeper(
    PublishingDbContext db, ChannelDirectory directory, PublicationQueue queue, TimeProvider clock, ILogger<PublicationSweeper> logger)
{
    public const string RecurringJobId = "publishing-sweep";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Publications.AsNoTracking()
            .Where(p => p.Status == PublicationStatuses.Pending
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

        await directory.WarnExpiringAsync(cancellationToken);

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unfinished publications handed to the job server again")]
    private static partial void LogRequeued(ILogger logger, int count);
}

/// <summary>
/// At start-up: credentials from configuration become connections, what a previous process left unfinished is
/// requeued, and the sweep runs every minute. A crashed process's leases expire after <see cref="PublishingOptions.Lease"/>:
/// one more sweep just after that resumes its publications without waiting for the minute.
/// </summary>
internal sealed class PublicationRecovery(IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<PublishingOptions> options) : IStartupTask
{
    public int Order => 100;

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        await scopedServices.GetRequiredService<ChannelDirectory>().SeedFromConfigurationAsync(cancellationToken);
        recurring.AddOrUpdate<PublicationSweeper>(PublicationSweeper.RecurringJobId, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        await scopedServices.GetRequiredService<PublicationSweeper>().RunAsync(cancellationToken);
        jobs.Schedule<PublicationSweeper>(s => s.RunAsync(CancellationToken.None), options.Value.Lease + TimeSpan.FromSeconds(1));
    }
}
