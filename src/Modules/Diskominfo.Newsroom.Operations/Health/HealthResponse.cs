using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Diskominfo.Newsroom.Operations.Health;

/// <summary>
/// The health endpoints' JSON: the overall status, then each check with its status, Indonesian description, duration in
/// milliseconds and figures. A load balancer needs only the status code (200 Healthy or Degraded, 503 Unhealthy).
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, Describe(report), JsonSerializerOptions.Web, context.RequestAborted);
    }

    public static object Describe(HealthReport report) => new
    {
        status = report.Status.ToString(),
        description = Label(report.Status),
        durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        checks = report.Entries.Select(e => new
        {
            name = e.Key,
            status = e.Value.Status.ToString(),
            description = Describe(e.Value),
            durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            data = e.Value.Data.Count == 0 ? null : e.Value.Data,
        }),
    };

    /// <summary>The check's own Indonesian description; for a check that threw, what it threw, said in Indonesian.</summary>
    public static string Describe(HealthReportEntry entry)
        => entry.Exception is { } e && (entry.Description is null || entry.Description == e.Message)
            ? $"Pemeriksaan gagal ({e.GetType().Name}): {HealthText.Short(e.Message)}"
            : entry.Description ?? Label(entry.Status);

    public static string Label(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "Sehat",
        HealthStatus.Degraded => "Berjalan dengan peringatan",
        _ => "Tidak sehat",
    };
}
