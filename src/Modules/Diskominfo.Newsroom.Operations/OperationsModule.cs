using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Operations.Data;
using Diskominfo.Newsroom.Operations.Handlers;
using Diskominfo.Newsroom.Operations.Health;
using Diskominfo.Newsroom.Operations.Logging;
using Diskominfo.Newsroom.Operations.Metrics;
using Diskominfo.Newsroom.Operations.Services;
using Hangfire;
using Hangfire.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Diskominfo.Newsroom.Operations;

public static class OperationsModule
{
    internal const string Name = "operations";

    /// <summary>The admins' status page.</summary>
    public const string StatusPath = "/admin/status";

    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Health checks, OpenTelemetry metrics for Prometheus, the correlation id through requests and jobs, JSON logs
    /// as an option, and the status page with its samples. Registered after the Publishing module (its job storage).
    /// </summary>
    public static IServiceCollection AddOperationsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<OperationsDbContext, SqliteOperationsDbContext, PostgresOperationsDbContext>(Name);
        services.AddOptions<HealthOptions>().BindConfiguration("Newsroom:Health");
        services.AddOptions<MetricsOptions>().BindConfiguration("Newsroom:Metrics");
        services.AddOptions<StatusOptions>().BindConfiguration("Newsroom:Status");
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, HealthStatus.Unhealthy, timeout: TimeSpan.FromSeconds(5))
            .AddCheck<DiskSpaceHealthCheck>(DiskSpaceHealthCheck.Name, HealthStatus.Unhealthy)
            .AddCheck<JobServerHealthCheck>(JobServerHealthCheck.Name, HealthStatus.Unhealthy, timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SearchIndexHealthCheck>(SearchIndexHealthCheck.Name, HealthStatus.Degraded, timeout: TimeSpan.FromSeconds(5));

        services.AddSingleton<OperationsMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("diskominfo-newsroom"))
            .WithMetrics(metrics => metrics
            .AddMeter(NewsroomTelemetry.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        // The correlation filter in front of Hangfire's own filter providers, for the client and the server alike.
        services.AddSingleton<CorrelationJobFilter>();
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var filters = new JobFilterCollection { sp.GetRequiredService<CorrelationJobFilter>() };
            return new JobFilterProviderCollection(JobFilterProviders.Providers, filters);
        });
        services.AddSingleton<JsonLogsSetup>();
        services.AddSingleton<IConfigureOptions<ConsoleLoggerOptions>>(sp => sp.GetRequiredService<JsonLogsSetup>());
        services.AddSingleton<IConfigureOptions<JsonConsoleFormatterOptions>>(sp => sp.GetRequiredService<JsonLogsSetup>());

        services.AddScoped<StatusReader>();
        services.AddScoped<StatusSampler>();
        services.AddSingleton<IStartupTask, StatusSamplerSchedule>();
        services.AddScoped<IEventHandler<AuditEvent>, CountFailedSignIns>();
        services.AddSingleton(new AdminMenuItem("Status sistem", StatusPath, 93, NewsroomRoles.Admin));
        return services;
    }

    /// <summary>
    /// First of the modules' middleware, after the host's front (the transport and the kept pages, which stamp their
    /// own correlation id), before anything that may refuse or cost: the correlation id, then the health endpoints
    /// (anonymous, never rate-limited, no session) and <c>/metrics</c> (only with the metrics token; 404 when none is set).
    /// </summary>
    public static IApplicationBuilder UseOperationsModule(this IApplicationBuilder app)
    {
        app.ApplicationServices.GetRequiredService<OperationsMetrics>(); // its gauges exist from the first scrape
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.UseHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        var metrics = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: c => c.Request.Path == MetricsPath && !string.IsNullOrEmpty(metrics.Value.Token),
            path: null,
            configureBranchedPipeline: branch => branch.UseMiddleware<MetricsTokenGuard>(),
            optionsName: null);
        return app;
    }
}
