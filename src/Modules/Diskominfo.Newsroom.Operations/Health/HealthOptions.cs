namespace Diskominfo.Newsroom.Operations.Health;

/// <summary>The readiness thresholds (<c>Newsroom:Health</c>).</summary>
internal sealed class HealthOptions
{
    /// <summary>Below this much free space in the data folder the site is not ready (uploads and the database need room).</summary>
    public long MinFreeDiskMegabytes { get; set; } = 1024;

    /// <summary>A search index further behind than this is a warning.</summary>
    public int SearchLagSeconds { get; set; } = 300;

    /// <summary>A job server whose last heartbeat is older than this is taken for dead (Hangfire beats every 30 s).</summary>
    public int JobServerHeartbeatSeconds { get; set; } = 120;
}
