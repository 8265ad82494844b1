using Diskominfo.Newsroom.Abstractions.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Operations.Health;

/// <summary>
/// The search index's lag, as a warning only: the index is derived from the database, and searches keep answering
/// from it while it catches up.
/// </summary>
internal sealed class SearchIndexHealthCheck(IEnumerable<ISearchIndexStatus> indexes, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "indeks-pencarian";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (indexes.LastOrDefault() is not { } index)
        {
            return HealthCheckResult.Healthy("Tidak ada indeks pencarian.");
        }

        var lag = await index.GetLagAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["pendingChanges"] = lag.PendingChanges, ["lagSeconds"] = Math.Round(lag.Lag.TotalSeconds, 1) };
        if (lag.LastError is not null)
        {
            return HealthCheckResult.Degraded($"Pengindeksan gagal dan dicoba lagi: {HealthText.Short(lag.LastError)}", data: data);
        }

        if (!lag.Ready || lag.Rebuilding)
        {
            return HealthCheckResult.Degraded("Indeks pencarian sedang dibangun.", data: data);
        }

        return lag.Lag.TotalSeconds > options.Value.SearchLagSeconds
            ? HealthCheckResult.Degraded($"Indeks pencarian tertinggal {(int)lag.Lag.TotalSeconds} detik ({lag.PendingChanges} perubahan).", data: data)
            : HealthCheckResult.Healthy(lag.PendingChanges == 0
                ? "Indeks pencarian mutakhir."
                : $"Indeks pencarian memproses {lag.PendingChanges} perubahan.", data);
    }
}
