using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// Cross-site form posts are refused before anything reads them: a POST, PUT, PATCH or DELETE to the desk or the site
/// (the API takes bearer tokens only, never the cookie) whose browser says it comes from another site (<c>Origin</c> of
/// another host, or <c>Sec-Fetch-Site: cross-site</c> or <c>same-site</c>) gets 403. The antiforgery token stays the
/// main defence; this is the second (OWASP: verify the origin with standard headers). Clients that send neither header
/// (scripts, older browsers) are left to the token. The site's own host is the request's, or <c>Newsroom:PublicBaseUrl</c>'s.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next, IConfiguration configuration)
{
    private readonly string? _publicHost = Uri.TryCreate(configuration["Newsroom:PublicBaseUrl"], UriKind.Absolute, out var url) ? url.Host : null;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method) || request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || !IsCrossSite(request))
        {
            return next(context);
        }

        // The error page (re-executed, and let through above) says why, in Indonesian.
        context.Items[RequestLimits.DetailItem] = Refusal;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public const string Refusal = "Formulir ini dikirim dari situs lain, jadi ditolak. Buka halamannya di situs ini, lalu kirim lagi.";

    private bool IsCrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
        {
            return !Uri.TryCreate(origin, UriKind.Absolute, out var from) || !IsOwnHost(from.Host, request);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    private bool IsOwnHost(string host, HttpRequest request)
        => string.Equals(host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
           || (_publicHost is not null && string.Equals(host, _publicHost, StringComparison.OrdinalIgnoreCase));
}
