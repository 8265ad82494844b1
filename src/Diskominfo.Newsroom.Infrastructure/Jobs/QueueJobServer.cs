using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Infrastructure.Jobs;

/// <summary>
/// A job server of its own for a module's queues, so that a module's slow jobs (OCR, backups) never take the workers that
/// publish. Runs where the job server runs (<c>Newsroom:RunJobServer</c>), once the host has started (after the start-up
/// tasks and migrations), and stops with the host without failing it.
/// </summary>
public abstract class QueueJobServer(JobServerParts parts, IConfiguration configuration, IHostApplicationLifetime lifetime)
    : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private BackgroundJobServer? _server;
    private bool _stopped;

    /// <summary>The queue this server serves, and the short name in its server name (<c>newsroom-{name}-...</c>).</summary>
    protected abstract string Queue { get; }

    /// <summary>The queues served, in order of priority; by default <see cref="Queue"/> alone.</summary>
    protected virtual string[] Queues => [Queue];

    protected abstract int WorkerCount { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Newsroom:RunJobServer", true))
        {
            lifetime.ApplicationStarted.Register(Start);
        }

        return Task.CompletedTask;
    }

    private void Start()
    {
        lock (_gate)
        {
            if (_stopped || _server is not null)
            {
                return;
            }

            _server = parts.Create(
                new BackgroundJobServerOptions
                {
                    Queues = Queues,
                    WorkerCount = Math.Max(1, WorkerCount),
                    SchedulePollingInterval = TimeSpan.FromSeconds(1),
                    ServerName = $"newsroom-{Queue}-{Environment.MachineName}-{Guid.NewGuid():N}"[..48],
                });
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        BackgroundJobServer? server;
        lock (_gate)
        {
            _stopped = true;
            server = _server;
        }

        if (server is null)
        {
            return;
        }

        try
        {
            server.SendStop();
            await server.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host stops waiting (its shutdown timeout): the job being run is abandoned, and stopping the site must
            // not fail because of it. Hangfire hands the job to a worker again after the restart (a publication's lease
            // and its lookup keep it from posting twice; a backup cut off has no manifest and is not kept).
        }
        catch (ObjectDisposedException)
        {
            // Already disposed with the host's services: there is nothing left to stop.
        }
    }

    public void Dispose()
    {
        BackgroundJobServer? server;
        lock (_gate)
        {
            _stopped = true;
            server = _server;
            _server = null;
        }

        server?.Dispose();
        GC.SuppressFinalize(this);
    }
}
