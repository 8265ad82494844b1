using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Theme;

public static class ThemeModule
{
    /// <summary>The public site's pages (Razor Pages of this assembly, found as an application part).</summary>
    public static IServiceCollection AddNewsroomTheme(this IServiceCollection services)
    {
        services.AddRazorPages();
        return services;
    }
}
