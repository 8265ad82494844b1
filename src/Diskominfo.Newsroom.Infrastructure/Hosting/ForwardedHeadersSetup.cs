using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> are believed only from the reverse proxies named in
/// <c>Newsroom:Proxy:KnownProxies</c> (addresses) and <c>Newsroom:Proxy:KnownNetworks</c> (CIDR ranges). None by
/// default, and unlike ASP.NET Core's own default not even loopback: a site that nobody said is behind a proxy reads
/// no forwarded header at all. <c>Newsroom:Proxy:ForwardLimit</c> (1) is how many proxies stand in a row.
/// </summary>
internal sealed class ForwardedHeadersSetup(IConfiguration configuration, IHostEnvironment environment) : IConfigureOptions<ForwardedHeadersOptions>
{
    public const string Section = "Newsroom:Proxy";

    public void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in SettingLists.Read(configuration, $"{Section}:KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' bukan alamat IP (contoh: 127.0.0.1)."));
        }

        foreach (var network in SettingLists.Read(configuration, $"{Section}:KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' bukan rentang CIDR (contoh: 10.0.0.0/24)."));
        }

        options.ForwardLimit = Math.Max(1, configuration.GetValue($"{Section}:ForwardLimit", 1));

        // A forwarded host is held to the same names as the Host header itself.
        options.AllowedHosts = PublicHosts.Allowed(configuration, environment).Where(h => h != "*").ToList();
    }

    /// <summary>Whether any proxy is trusted; without one the forwarded-headers middleware is not used at all.</summary>
    public static bool AnyTrusted(ForwardedHeadersOptions options)
        => options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0;
}
