using System.Diagnostics.Metrics;
using Diskominfo.Newsroom.Abstractions.Operations;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// How many renditions this node makes at once (<see cref="MediaOptions.RenditionWorkers"/>, by default one per core).
/// First requests come in bursts (an article's gallery opened by its first readers, a crawler walking the archive), and
/// each making holds a core and its photo's decoding buffers: more at once than there are cores only adds memory, so the
/// rest wait their turn. Reported as <c>newsroom.media.renditions.making</c> and <c>newsroom.media.renditions.waiting</c>.
/// </summary>
internal sealed class RenditionGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly UpDownCounter<int> _making;
    private readonly UpDownCounter<int> _waiting;

    public RenditionGate(IOptions<MediaOptions> options, IMeterFactory meters)
    {
        Workers = options.Value.RenditionWorkers > 0 ? options.Value.RenditionWorkers : Environment.ProcessorCount;
        _slots = new SemaphoreSlim(Workers, Workers);
        var meter = meters.Create(NewsroomTelemetry.MeterName);
        _making = meter.CreateUpDownCounter<int>("newsroom.media.renditions.making", description: "Renditions being made now on this node.");
        _waiting = meter.CreateUpDownCounter<int>("newsroom.media.renditions.waiting", description: "First requests for a rendition waiting for a free worker.");
    }

    public int Workers { get; }

    /// <summary>Runs <paramref name="make"/> once a worker is free, on the thread the wait resumes on.</summary>
    public async Task<T> RunAsync<T>(Func<T> make, CancellationToken cancellationToken)
    {
        _waiting.Add(1);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiting.Add(-1);
        }

        _making.Add(1);
        try
        {
            return make();
        }
        finally
        {
            _making.Add(-1);
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
