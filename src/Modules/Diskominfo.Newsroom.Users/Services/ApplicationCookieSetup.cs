using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The desk cookie's sliding lifetime (<c>Newsroom:Auth:SessionIdleMinutes</c>) and its events (<see cref="AccountCookieEvents"/>).</summary>
internal sealed class ApplicationCookieSetup(IOptions<AccountSessionOptions> sessions) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name != IdentityConstants.ApplicationScheme)
        {
            return;
        }

        options.ExpireTimeSpan = sessions.Value.Idle;
        options.SlidingExpiration = true;
        options.EventsType = typeof(AccountCookieEvents);
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
}
