using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>The antiforgery and TempData cookies as <see cref="NewsroomCookies"/> says (the sign-in cookies are the Users module's).</summary>
internal sealed class SiteCookiesSetup : IConfigureOptions<AntiforgeryOptions>, IConfigureOptions<CookieTempDataProviderOptions>
{
    public void Configure(AntiforgeryOptions options) => NewsroomCookies.Apply(options.Cookie, NewsroomCookies.Antiforgery, SameSiteMode.Strict);

    public void Configure(CookieTempDataProviderOptions options) => NewsroomCookies.Apply(options.Cookie, NewsroomCookies.Flash, SameSiteMode.Strict);
}
