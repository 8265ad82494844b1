using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// The modules' and the theme's files (<c>/_content/…</c>: the style sheets, scripts and fonts) when the site runs from
/// its build output outside Development, as the README's first start in Production does
/// (<c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c>). ASP.NET Core reads the build's list of those files only in
/// Development, so every page would come without its style sheet. A published site (<c>dotnet publish</c>) has its
/// files in <c>wwwroot</c> and no such list, and this changes nothing.
/// </summary>
public static class BuildOutputAssets
{
    public static WebApplicationBuilder UseNewsroomBuildOutputAssets(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }

        return builder;
    }
}
