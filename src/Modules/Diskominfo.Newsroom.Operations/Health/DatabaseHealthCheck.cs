using Diskominfo.Newsroom.Operations.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Diskominfo.Newsroom.Operations.Health;

/// <summary>The database answers a trivial query on the site's own connection.</summary>
internal sealed class DatabaseHealthCheck(OperationsDbContext db) : IHealthCheck
{
    public const string Name = "basis-data";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy($"Basis data ({Provider()}) menjawab.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Basis data ({Provider()}) tidak dapat dihubungi: {HealthText.Short(e.Message)}", e);
        }
    }

    private string Provider() => db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
}
