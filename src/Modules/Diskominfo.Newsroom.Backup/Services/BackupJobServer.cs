using Diskominfo.Newsroom.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// The job server of the <c>backup</c> queue: one worker, so that two backups never run at once on a node and a backup
/// never takes a worker that publishes.
/// </summary>
internal sealed class BackupJobServer(JobServerParts parts, IConfiguration configuration, IHostApplicationLifetime lifetime)
    : QueueJobServer(parts, configuration, lifetime)
{
    protected override string Queue => ScheduledBackupJob.Queue;

    protected override int WorkerCount => 1;
}
