using Diskominfo.Newsroom.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// The job server of the <c>ocr</c> queue: <see cref="ClippingOcrOptions.Workers"/> workers, so that a batch of scans
/// never takes the workers that publish, and no more pages are read at once than the node has cores for.
/// </summary>
internal sealed class OcrJobServer(JobServerParts parts, IOptions<ClippingOcrOptions> options, IConfiguration configuration, IHostApplicationLifetime lifetime)
    : QueueJobServer(parts, configuration, lifetime)
{
    protected override string Queue => ClippingOcrJob.Queue;

    protected override int WorkerCount => options.Value.Workers;
}
