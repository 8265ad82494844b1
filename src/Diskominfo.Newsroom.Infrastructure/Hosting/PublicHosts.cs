using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// The host names the site answers to. <c>AllowedHosts</c> when it is set; otherwise, outside Development, the host of
/// <c>Newsroom:PublicBaseUrl</c> plus the loopback names (for a check on the server itself), and in Development any.
/// A request for another host gets 400 before anything reads it, so a forged <c>Host</c> reaches no page.
/// </summary>
public static class PublicHosts
{
    public const string PublicBaseUrlKey = "Newsroom:PublicBaseUrl";

    public static IReadOnlyList<string> Allowed(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configured = SettingLists.Read(configuration, "AllowedHosts");
        if (configured.Count > 0)
        {
            return configured;
        }

        if (environment.IsDevelopment())
        {
            return ["*"];
        }

        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        if (Uri.TryCreate(configuration[PublicBaseUrlKey], UriKind.Absolute, out var address))
        {
            hosts.Insert(0, address.IdnHost);
        }

        return hosts;
    }
}
