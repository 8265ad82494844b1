using Diskominfo.Newsroom.Abstractions.Organization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// Whether the site runs with the demo office (accounts for every role, the demo bidang and seksi):
/// <c>Newsroom:DemoAccounts</c>, by default on in Development only.
/// </summary>
public static class DemoMode
{
    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment)
        => configuration.GetValue<bool?>(DemoOrganization.SettingKey) ?? environment.IsDevelopment();
}
