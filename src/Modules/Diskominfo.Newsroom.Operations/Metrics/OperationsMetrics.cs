using System.Diagnostics;
using System.Diagnostics.Metrics;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Operations.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Operations.Metrics;

/// <summary>
/// The Operations module's instruments on the site's meter (<see cref="NewsroomTelemetry.MeterName"/>): failed
/// sign-ins (a counter), and gauges read when Prometheus scrapes: publications by channel and status, the job queues,
/// the search index's lag and the backup's age. The gauges share one <see cref="StatusSnapshot"/>, read at most once a
/// second, so a scrape costs a handful of queries however many gauges it reads.
/// </summary>
internal sealed partial class OperationsMetrics
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<OperationsMetrics> _logger;
    private readonly Counter<long> _failedSignIns;
    private readonly Lock _gate = new();
    private StatusSnapshot? _snapshot;
    private long _readAt;

    public OperationsMetrics(IMeterFactory meters, IServiceScopeFactory scopes, ILogger<OperationsMetrics> logger)
    {
        _scopes = scopes;
        _logger = logger;
        var meter = meters.Create(NewsroomTelemetry.MeterName);
        _failedSignIns = meter.CreateCounter<long>("newsroom.signin.failures", description: "Failed sign-ins (wrong password, unknown user, wrong code, locked or disabled account), by reason.");
        meter.CreateObservableGauge("newsroom.publications", () => Read(s => s.Publications.Select(p =>
            new Measurement<long>(p.Count, new("channel", p.Channel), new("status", p.Status)))), description: "Publication records by channel and status.");
        meter.CreateObservableGauge("newsroom.jobs.enqueued", () => Read(s => s.Jobs.Enqueued.Select(q =>
            new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key)))), description: "Jobs waiting in each queue of the job server.");
        meter.CreateObservableGauge("newsroom.jobs.scheduled", () => Read(s => One(s.Jobs.Scheduled)), description: "Jobs scheduled for later (retries, publish-later).");
        meter.CreateObservableGauge("newsroom.jobs.processing", () => Read(s => One(s.Jobs.Processing)), description: "Jobs running now.");
        meter.CreateObservableGauge("newsroom.jobs.failed", () => Read(s => One(s.Jobs.Failed)), description: "Jobs in the job server's failed list.");
        meter.CreateObservableGauge("newsroom.search.index_lag", () => Read<double>(s => s.SearchIndex is { } lag ? [new Measurement<double>(lag.Lag.TotalSeconds)] : []),
            unit: "s", description: "Age of the oldest change not yet in this node's search index (0 when up to date).");
        meter.CreateObservableGauge("newsroom.search.pending_changes", () => Read(s => s.SearchIndex is { } lag ? One(lag.PendingChanges) : []),
            description: "Changes not yet in this node's search index.");
        meter.CreateObservableGauge("newsroom.backup.age", () => Read<double>(s => s.Backup.Age is { } age ? [new Measurement<double>(age.TotalSeconds)] : []),
            unit: "s", description: "Seconds since the last successful backup finished (absent when there is none).");
    }

    public void FailedSignIn(string reason) => _failedSignIns.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private static Measurement<long>[] One(long value) => [new(value)];

    private List<Measurement<T>> Read<T>(Func<StatusSnapshot, IEnumerable<Measurement<T>>> measure)
        where T : struct
        => Snapshot() is { } snapshot ? measure(snapshot).ToList() : [];

    /// <summary>The figures, read again when older than <see cref="MaxAge"/>; the last good ones while the database is away.</summary>
    private StatusSnapshot? Snapshot()
    {
        lock (_gate)
        {
            if (_snapshot is not null && Stopwatch.GetElapsedTime(_readAt) < MaxAge)
            {
                return _snapshot;
            }

            try
            {
                using var scope = _scopes.CreateScope();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

                // Gauge callbacks are synchronous; ASP.NET Core has no synchronization context to deadlock on.
                _snapshot = scope.ServiceProvider.GetRequiredService<StatusReader>().ReadAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                LogReadFailed(_logger, e);
            }

            _readAt = Stopwatch.GetTimestamp();
            return _snapshot;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the site's figures for the metrics failed; the last ones are exported")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
