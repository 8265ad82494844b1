using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// Development only, and only for a request that did not come over HTTPS: the site's <c>__Host-</c> cookies
/// (<see cref="NewsroomCookies"/>) go out without the prefix, and come back under their full names. A browser keeps
/// no <c>__Host-</c> cookie that is not <c>Secure</c>, and none is over plain HTTP, so without this neither
/// <c>dotnet run</c> on http://localhost nor the functional tests could sign in. Over HTTPS, and outside Development,
/// the cookies are what <see cref="NewsroomCookies"/> says.
/// </summary>
internal sealed class PlainHttpCookiesMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.IsHttps)
        {
            var request = context.Features.Get<IRequestCookiesFeature>() ?? new RequestCookiesFeature(context.Features);
            context.Features.Set<IRequestCookiesFeature>(new PlainHttpRequestCookies(request.Cookies));
            var response = context.Features.Get<IResponseCookiesFeature>() ?? new ResponseCookiesFeature(context.Features);
            context.Features.Set<IResponseCookiesFeature>(new PlainHttpResponseCookies(response.Cookies));
        }

        return next(context);
    }

    /// <summary>A full site cookie name as it travels over plain HTTP (prefix dropped); other names unchanged.</summary>
    internal static string Plain(string name)
        => name.StartsWith(NewsroomCookies.HostPrefix + NewsroomCookies.Stem, StringComparison.Ordinal)
            ? name[NewsroomCookies.HostPrefix.Length..]
            : name;

    /// <summary>The name the site knows a cookie by, from the name it travelled under over plain HTTP.</summary>
    internal static string Full(string name)
        => name.StartsWith(NewsroomCookies.Stem, StringComparison.Ordinal) ? NewsroomCookies.HostPrefix + name : name;
}
