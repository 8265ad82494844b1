using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Theme.Feeds;
using Diskominfo.Newsroom.Theme.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Theme;

public static class ThemeModule
{
    internal const string Name = "site";

    public const string SiteSettingsPath = "/admin/pengaturan/situs";

    /// <summary>The public site's pages (Razor Pages of this assembly, found as an application part) and its settings.</summary>
    public static IServiceCollection AddNewsroomTheme(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.AddOptions<SiteOptions>().BindConfiguration("Newsroom").BindConfiguration("Newsroom:Site");
        services.AddModuleDbContext<SiteDbContext, SqliteSiteDbContext, PostgresSiteDbContext>(Name);
        services.AddMemoryCache();
        services.AddScoped<SiteIdentityStore>();
        services.AddSingleton(new AdminMenuItem("Identitas situs", SiteSettingsPath, 91, NewsroomRoles.Admin));
        services.AddOutputCache();
        services.AddKeptPages();
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SiteOptions>>((o, site) => SiteCache.Configure(o, site.Value.CachePages));
        services.AddSingleton<SiteCacheSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteCacheSignals>());
        services.AddScoped<IEventHandler<PublicationFinished>, EvictOnPublication>();
        return services;
    }

    /// <summary>Feeds, the sitemap and robots.txt.</summary>
    public static IEndpointRouteBuilder MapNewsroomTheme(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSiteFeeds();
        endpoints.MapSiteIdentity();
        return endpoints;
    }
}
