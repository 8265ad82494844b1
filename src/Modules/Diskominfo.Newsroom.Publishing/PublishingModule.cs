using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Publishing.Components;
using Diskominfo.Newsroom.Publishing.Connections;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Publishing.Channels;
using Diskominfo.Newsroom.Publishing.Endpoints;
using Diskominfo.Newsroom.Abstractions.Security;
using Microsoft.AspNetCore.Routing;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Handlers;
using Diskominfo.Newsroom.Publishing.Services;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Publishing;

public static class PublishingModule
{
    internal const string Name = "publishing";

    /// <summary>Publication records, the job server, the website, Facebook and Instagram channels.</summary>
    public static IServiceCollection AddPublishingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PublishingDbContext, SqlitePublishingDbContext, PostgresPublishingDbContext>(Name);
        services.AddSingleton(new ItemPanel(PublishingPanel.Name, 30));
        services.AddOptions<PublishingOptions>().BindConfiguration("Newsroom").BindConfiguration("Newsroom:Channels");
        // No request logging: debug_token carries the token in its query string, and tokens are never logged.
        // Only Meta's Graph hosts are ever called (GraphAllowlist), and no redirect is followed away from them.
        services.AddSingleton<GraphAllowlist>();
        services.AddTransient<GraphAllowlistHandler>();
        services.AddHttpClient<GraphClient>((sp, c) => c.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublishingOptions>>().Value.GraphTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler<GraphAllowlistHandler>()
            .RemoveAllLoggers();
        services.AddScoped<ChannelDirectory>();
        services.AddScoped<ChannelTokens>();
        services.AddScoped<ChannelProbe>();
        services.AddScoped<ChannelStatus>();
        services.AddScoped<PublicationControl>();
        services.AddScoped<CaptionDesk>();
        services.AddScoped<IChannelPublisher, WebsiteChannel>();
        services.AddScoped<IChannelPublisher, FacebookChannel>();
        services.AddScoped<IChannelPublisher, InstagramChannel>();
        services.AddScoped<PublicationQueue>();
        services.AddScoped<PublicationJob>();
        services.AddScoped<PublicationSweeper>();
        services.AddScoped<IPublicationQuery, PublicationQuery>();
        services.AddScoped<IPublicationScheduler, PublicationScheduler>();
        services.AddScoped<IPublicationTargets, PublicationTargets>();
        services.AddScoped<Abstractions.Calendar.ICalendarSource, PublicationCalendarSource>();
        services.AddScoped<IEventHandler<ItemSigned>, CreatePublicationsOnSignature>();
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<IStartupTask, PublicationRecovery>();
        services.AddScoped<IRestoreParticipant, PublicationRestore>();
        services.AddPublishingOperations();

        // Publishing jobs mostly wait on the network, so workers are many. The website's jobs have workers of their own as
        // well: an article goes live within a second even while every other worker polls Instagram.
        services.AddHostedService<SocialJobServer>();
        services.AddHostedService<WebsiteJobServer>();

        services.AddSingleton(new AdminMenuItem("Pekerjaan latar", JobDashboard.Path, 95, NewsroomRoles.Admin));
        services.AddSingleton(new AdminMenuItem("Kanal media sosial", ChannelDirectory.SettingsPath, 92, NewsroomRoles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapPublishingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapJobDashboard();
        endpoints.MapPublishingApi();
        return endpoints;
    }
}
