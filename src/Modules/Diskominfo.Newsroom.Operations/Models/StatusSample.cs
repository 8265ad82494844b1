namespace Diskominfo.Newsroom.Operations.Models;

/// <summary>
/// What the site looked like at one moment, taken every few minutes by the sampling job for the status page's
/// 24-hour chart, and kept a week.
/// </summary>
internal sealed class StatusSample
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The readiness checks' overall status: Healthy, Degraded or Unhealthy.</summary>
    public string Health { get; set; } = "";

    public int PublicationsOpen { get; set; }

    public int PublicationsFailed { get; set; }

    /// <summary>Jobs waiting in the job server's queues.</summary>
    public int QueueDepth { get; set; }

    /// <summary>Seconds the search index is behind the database; null when the Search module does not tell.</summary>
    public double? IndexLagSeconds { get; set; }

    /// <summary>Failed sign-ins since the sample before.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Hours since the last successful backup; null when there is none (or no backup module).</summary>
    public double? BackupAgeHours { get; set; }
}
