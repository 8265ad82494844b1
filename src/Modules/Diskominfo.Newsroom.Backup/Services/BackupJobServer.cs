using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// The job server of the <c>backup</c> queue: one worker, so that two backups never run at once on a node and a backup
/// never takes a worker that publishes. Runs where the job server runs (<c>Newsroom:RunJobServer</c>).
/// </summary>
internal sealed class BackupJobServer(JobStorage storage, JobActivator activator, IConfiguration configuration) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Newsroom:RunJobServer", true))
        {
            _server = new BackgroundJobServer(
                new BackgroundJobServerOptions
                {
                    Queues = [ScheduledBackupJob.Queue],
                    WorkerCount = 1,
                    IsLightweightServer = true, // the publishing "social" server runs the schedulers of this node
                    Activator = activator,
                    SchedulePollingInterval = TimeSpan.FromSeconds(1),
                    ServerName = $"newsroom-backup-{Environment.MachineName}-{Guid.NewGuid():N}"[..48],
                },
                storage);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            _server.SendStop();
            try
            {
                await _server.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host stops waiting: a backup being written is abandoned (its folder has no manifest and is not kept).
            }
        }
    }

    public void Dispose() => _server?.Dispose();
}
