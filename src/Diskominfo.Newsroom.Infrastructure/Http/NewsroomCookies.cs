using Microsoft.AspNetCore.Http;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// The site's cookies. Every one is named <c>__Host-newsroom-…</c>, <c>HttpOnly</c>, with a <c>SameSite</c> mode, for
/// the whole site (<c>Path=/</c>) and no <c>Domain</c>, and <c>Secure</c> on every HTTPS request (behind the reverse
/// proxy: when the trusted proxy says the client came over HTTPS). The <c>__Host-</c> prefix makes the browser refuse
/// such a cookie unless it came <c>Secure</c> over HTTPS from this very host, so neither a plain-HTTP page nor a
/// sibling subdomain of the regency can plant or overwrite one; and a site that wrongly believes itself on plain HTTP
/// (a proxy missing from <c>Newsroom:Proxy</c>) fails closed: no sign-in cookie is kept, rather than one without
/// <c>Secure</c>. In Development over plain HTTP (<c>dotnet run</c> on http://localhost, the functional tests)
/// <see cref="PlainHttpCookiesMiddleware"/> drops the prefix, so that the cookies work there.
/// </summary>
public static class NewsroomCookies
{
    public const string HostPrefix = "__Host-";

    /// <summary>What every cookie name starts with after the prefix; the plain-HTTP downgrade touches only these.</summary>
    public const string Stem = "newsroom-";

    /// <summary>The desk's sign-in (Identity's application cookie).</summary>
    public const string Desk = HostPrefix + Stem + "desk";

    /// <summary>The account that gave its password and owes its second factor (Identity's two-factor cookie, minutes).</summary>
    public const string TwoFactor = HostPrefix + Stem + "2fa";

    /// <summary>Identity's "remember this browser" cookie for two-factor sign-in (not offered, named all the same).</summary>
    public const string TwoFactorRemember = HostPrefix + Stem + "2fa-remember";

    /// <summary>Identity's external sign-in cookie (no external providers, named all the same).</summary>
    public const string External = HostPrefix + Stem + "external";

    /// <summary>The antiforgery token's cookie half.</summary>
    public const string Antiforgery = HostPrefix + Stem + "csrf";

    /// <summary>The interface language chosen at <c>/bahasa</c>.</summary>
    public const string Language = HostPrefix + Stem + "lang";

    /// <summary>The one-shot message after a form (TempData).</summary>
    public const string Flash = HostPrefix + Stem + "flash";

    /// <summary>Sets a cookie's name and the attributes every site cookie carries.</summary>
    public static void Apply(CookieBuilder cookie, string name, SameSiteMode sameSite)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        cookie.Name = name;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.HttpOnly = true;
        cookie.SameSite = sameSite;
        cookie.Path = "/";
        cookie.Domain = null;
    }

    /// <summary>The options of a cookie the site appends by hand (the language).</summary>
    public static CookieOptions Options(HttpRequest request, SameSiteMode sameSite, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new() { Secure = request.IsHttps, HttpOnly = true, SameSite = sameSite, Path = "/", MaxAge = maxAge, IsEssential = true };
    }
}
