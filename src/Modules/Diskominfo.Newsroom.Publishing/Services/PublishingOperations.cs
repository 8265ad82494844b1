using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>What the Publishing module tells the operators: statistics, its histogram, the channels' health check.</summary>
internal static class PublishingOperations
{
    public static IServiceCollection AddPublishingOperations(this IServiceCollection services)
    {
        services.AddScoped<IPublicationStatistics, PublicationStatistics>();
        services.AddSingleton<PublishingMetrics>();
        services.AddScoped<IEventHandler<PublicationFinished>, RecordSignatureToLive>();
        services.AddHealthChecks().AddCheck<ChannelsHealthCheck>(ChannelsHealthCheck.Name, HealthStatus.Degraded);
        return services;
    }
}
