using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Operations.Health;

/// <summary>
/// Some job server (on this node or another sharing the job storage) has beaten recently: without one, signed items
/// are never published.
/// </summary>
internal sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "server-pekerjaan";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var limit = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.JobServerHeartbeatSeconds);
        var alive = servers.Count(s => s.Heartbeat is { } beat && DateTime.SpecifyKind(beat, DateTimeKind.Utc) >= limit);
        var data = new Dictionary<string, object> { ["servers"] = servers.Count, ["alive"] = alive };
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} server pekerjaan latar hidup.", data)
            : new HealthCheckResult(HealthStatus.Unhealthy, servers.Count == 0
                ? "Tidak ada server pekerjaan latar: naskah yang ditandatangani tidak akan terbit."
                : "Server pekerjaan latar tidak memberi tanda hidup: naskah yang ditandatangani tidak akan terbit.", data: data));
    }
}
