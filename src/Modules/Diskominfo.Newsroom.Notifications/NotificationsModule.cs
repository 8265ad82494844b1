using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Notifications;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Notifications.Data;
using Diskominfo.Newsroom.Notifications.Endpoints;
using Diskominfo.Newsroom.Notifications.Handlers;
using Diskominfo.Newsroom.Notifications.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Notifications;

public static class NotificationsModule
{
    internal const string Name = "notifications";

    /// <summary>The inbox and the e-mail outbox, fed by the approval chain's <see cref="ItemAwaiting"/> events.</summary>
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(Name);
        services.AddOptions<SmtpOptions>().BindConfiguration("Newsroom:Smtp")
            .PostConfigure<IConfiguration>((o, c) => o.DeskBaseUrl = string.IsNullOrWhiteSpace(o.DeskBaseUrl)
                ? c[PublicHosts.PublicBaseUrlKey] ?? HostingUrls.DefaultUrl
                : o.DeskBaseUrl);
        services.AddScoped<Inbox>();
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<IEventHandler<ItemAwaiting>, NotifyWhenAwaiting>();
        services.AddScoped<IEventHandler<ChannelAttentionNeeded>, NotifyAdminsAboutChannels>();
        services.AddScoped<IEventHandler<DeskNotice>, NotifyOnDeskNotice>();
        services.AddHostedService<MailSender>();
        services.AddHealthChecks().AddCheck<MailHealthCheck>(MailHealthCheck.Name, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        services.AddSingleton(new AdminMenuItem("Kotak masuk", "/admin/kotak-masuk", 10));
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapInboxEndpoints();
        return endpoints;
    }
}
