using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>The response's cookies: the site's <c>__Host-</c> cookies go out under their plain names (and never <c>Secure</c>).</summary>
internal sealed class PlainHttpResponseCookies(IResponseCookies inner) : IResponseCookiesFeature, IResponseCookies
{
    public IResponseCookies Cookies => this;

    public void Append(string key, string value) => inner.Append(PlainHttpCookiesMiddleware.Plain(key), value);

    public void Append(string key, string value, CookieOptions options)
        => inner.Append(PlainHttpCookiesMiddleware.Plain(key), value, Plain(key, options));

    public void Append(ReadOnlySpan<KeyValuePair<string, string>> keyValuePairs, CookieOptions options)
    {
        foreach (var (key, value) in keyValuePairs)
        {
            Append(key, value, options);
        }
    }

    public void Delete(string key) => inner.Delete(PlainHttpCookiesMiddleware.Plain(key));

    public void Delete(string key, CookieOptions options) => inner.Delete(PlainHttpCookiesMiddleware.Plain(key), Plain(key, options));

    private static CookieOptions Plain(string key, CookieOptions options)
        => key.StartsWith(NewsroomCookies.HostPrefix, StringComparison.Ordinal) ? new CookieOptions(options) { Secure = false } : options;
}
