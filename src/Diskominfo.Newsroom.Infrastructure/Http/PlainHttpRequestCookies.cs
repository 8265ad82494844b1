using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>The request's cookies with the site's plain-HTTP names read as their full <c>__Host-</c> names.</summary>
internal sealed class PlainHttpRequestCookies(IRequestCookieCollection inner) : IRequestCookiesFeature, IRequestCookieCollection
{
    public IRequestCookieCollection Cookies
    {
        get => this;
        set => throw new NotSupportedException("The request's cookies are read only here.");
    }

    public string? this[string key] => inner[PlainHttpCookiesMiddleware.Plain(key)];

    public int Count => inner.Count;

    public ICollection<string> Keys => inner.Keys.Select(PlainHttpCookiesMiddleware.Full).ToList();

    public bool ContainsKey(string key) => inner.ContainsKey(PlainHttpCookiesMiddleware.Plain(key));

    public bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => inner.TryGetValue(PlainHttpCookiesMiddleware.Plain(key), out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        => inner.Select(c => new KeyValuePair<string, string>(PlainHttpCookiesMiddleware.Full(c.Key), c.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
