using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Operations.Health;

/// <summary>Free space on the disk of the data folder against <see cref="HealthOptions.MinFreeDiskMegabytes"/>.</summary>
internal sealed class DiskSpaceHealthCheck(IOptions<DataDirectoryOptions> dataDir, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "ruang-disk";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = dataDir.Value.Path;
        var free = new DriveInfo(Directory.Exists(path) ? path : Path.GetPathRoot(Path.GetFullPath(path))!).AvailableFreeSpace;
        var minimum = options.Value.MinFreeDiskMegabytes * 1024 * 1024;
        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["minimumBytes"] = minimum };
        return Task.FromResult(free < minimum
            ? new HealthCheckResult(HealthStatus.Unhealthy, $"Ruang disk folder data tinggal {HealthText.Megabytes(free)}, kurang dari batas {HealthText.Megabytes(minimum)}.", data: data)
            : HealthCheckResult.Healthy($"Ruang disk folder data tersisa {HealthText.Megabytes(free)}.", data));
    }
}
