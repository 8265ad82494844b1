using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// The job server of the <c>ocr</c> queue, beside the publishing ones: <see cref="ClippingOcrOptions.Workers"/>
/// workers, so that a batch of scans never takes the workers that publish, and no more pages are read at once than
/// the node has cores for. Runs where the job server runs (<c>Newsroom:RunJobServer</c>).
/// </summary>
internal sealed class OcrJobServer(JobStorage storage, JobActivator activator, IOptions<ClippingOcrOptions> options, IConfiguration configuration)
    : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Newsroom:RunJobServer", true))
        {
            return Task.CompletedTask;
        }

        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                Queues = [ClippingOcrJob.Queue],
                WorkerCount = Math.Max(1, options.Value.Workers),
                IsLightweightServer = true, // the publishing "social" server runs the schedulers of this node
                Activator = activator,
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                ServerName = $"newsroom-ocr-{Environment.MachineName}-{Guid.NewGuid():N}"[..48],
            },
            storage);
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
                // The host stops waiting (its shutdown timeout): a page being read is abandoned, and Hangfire hands its
                // job to a worker again after the restart. Stopping the site must not fail because of it.
            }
        }
    }

    public void Dispose() => _server?.Dispose();
}
