using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>ASP.NET Core's host filter (first in the pipeline) with <see cref="PublicHosts"/>.</summary>
internal sealed class HostFilteringSetup(IConfiguration configuration, IHostEnvironment environment) : IConfigureOptions<HostFilteringOptions>
{
    public void Configure(HostFilteringOptions options) => options.AllowedHosts = [.. PublicHosts.Allowed(configuration, environment)];
}
