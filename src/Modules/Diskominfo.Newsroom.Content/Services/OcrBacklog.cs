using Hangfire;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>How many scans wait for their text, against <see cref="ClippingOcrOptions.QueueLimit"/>.</summary>
internal sealed class OcrBacklog(JobStorage storage, IOptions<ClippingOcrOptions> options)
{
    /// <summary>Whether <paramref name="more"/> scans may still join the queue.</summary>
    public bool HasRoomFor(int more) => storage.GetMonitoringApi().EnqueuedCount(ClippingOcrJob.Queue) + more <= Math.Max(0, options.Value.QueueLimit);
}
