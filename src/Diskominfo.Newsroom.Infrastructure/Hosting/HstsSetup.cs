using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// <c>Strict-Transport-Security</c> outside Development, on HTTPS answers: <c>Newsroom:Https:HstsMaxAgeDays</c> (365).
/// Not for subdomains (other offices of the regency run their own sites) and no preload.
/// </summary>
internal sealed class HstsSetup(IConfiguration configuration) : IConfigureOptions<HstsOptions>
{
    public void Configure(HstsOptions options)
    {
        options.MaxAge = TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Newsroom:Https:HstsMaxAgeDays", 365)));
        options.IncludeSubDomains = false;
        options.Preload = false;
    }
}
