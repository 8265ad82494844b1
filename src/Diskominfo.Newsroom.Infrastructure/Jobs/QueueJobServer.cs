using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Infrastructure.Jobs;

/// <summary>
/// A job server of its own for one queue, beside the publishing ones, so that a module's slow jobs (OCR, backups) never
/// take the workers that publish. Runs where the job server runs (<c>Newsroom:RunJobServer</c>).
/// </summary>
public abstract class QueueJobServer(JobStorage storage, JobActivator activator, IConfiguration configuration) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    /// <summary>The queue this server serves, and the short name in its server name (<c>newsroom-{name}-...</c>).</summary>
    protected abstract string Queue { get; }

    protected abstract int WorkerCount { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Newsroom:RunJobServer", true))
        {
            _server = new BackgroundJobServer(
                new BackgroundJobServerOptions
                {
                    Queues = [Queue],
                    WorkerCount = Math.Max(1, WorkerCount),
                    Activator = activator,
                    SchedulePollingInterval = TimeSpan.FromSeconds(1),
                    ServerName = $"newsroom-{Queue}-{Environment.MachineName}-{Guid.NewGuid():N}"[..48],
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
                // The host stops waiting (its shutdown timeout): the job being run is abandoned, and stopping the site must
                // not fail because of it. Hangfire hands an OCR job to a worker again after the restart; a backup cut off
                // has no manifest and is not kept.
            }
        }
    }

    public void Dispose()
    {
        _server?.Dispose();
        GC.SuppressFinalize(this);
    }
}
