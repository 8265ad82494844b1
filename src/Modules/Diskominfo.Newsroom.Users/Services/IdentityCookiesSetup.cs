using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Identity's cookies named and flagged as every cookie of the site (<see cref="NewsroomCookies"/>): the desk's sign-in
/// (<c>SameSite=Lax</c>, so a link in a notification e-mail opens the desk signed in) and the two-factor ones
/// (<c>Strict</c>: they only live between the two steps of the sign-in form).
/// </summary>
internal sealed class IdentityCookiesSetup : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == IdentityConstants.ApplicationScheme)
        {
            NewsroomCookies.Apply(options.Cookie, NewsroomCookies.Desk, SameSiteMode.Lax);
        }
        else if (name == IdentityConstants.TwoFactorUserIdScheme)
        {
            NewsroomCookies.Apply(options.Cookie, NewsroomCookies.TwoFactor, SameSiteMode.Strict);
        }
        else if (name == IdentityConstants.TwoFactorRememberMeScheme)
        {
            NewsroomCookies.Apply(options.Cookie, NewsroomCookies.TwoFactorRemember, SameSiteMode.Strict);
        }
        else if (name == IdentityConstants.ExternalScheme)
        {
            NewsroomCookies.Apply(options.Cookie, NewsroomCookies.External, SameSiteMode.Lax);
        }
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
}
