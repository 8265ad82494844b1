using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Theme.Feeds;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Theme;

public static class ThemeModule
{
    /// <summary>The public site's pages (Razor Pages of this assembly, found as an application part) and its settings.</summary>
    public static IServiceCollection AddNewsroomTheme(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.AddOptions<SiteOptions>().BindConfiguration("Newsroom").BindConfiguration("Newsroom:Site");
        services.AddOutputCache(SiteCache.Configure);
        services.AddScoped<IEventHandler<PublicationFinished>, EvictOnPublication>();
        return services;
    }

    /// <summary>Feeds, the sitemap and robots.txt.</summary>
    public static IEndpointRouteBuilder MapNewsroomTheme(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSiteFeeds();
        return endpoints;
    }
}
