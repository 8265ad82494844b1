using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// Where the site listens: what the host was given (<c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>,
/// <c>ASPNETCORE_HTTPS_PORTS</c>, <c>DOTNET_URLS</c>, <c>URLS</c>, <c>--urls</c>, or Kestrel endpoints in the
/// settings), and <see cref="DefaultUrl"/> only when none of them is given.
/// </summary>
public static class HostingUrls
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder UseNewsroomUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var given = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!given)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
