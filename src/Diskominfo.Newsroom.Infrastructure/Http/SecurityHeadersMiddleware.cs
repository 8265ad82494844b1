using Microsoft.AspNetCore.Http;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>The site's content security policy: its own scripts, styles and images only, never framed.</summary>
public static class ContentSecurityPolicy
{
    public const string Default =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of a page that embeds players from <paramref name="frameSources"/> (space-separated https origins),
    /// once the reader asks for them; nothing else is relaxed.
    /// </summary>
    public static void AllowFrames(HttpContext context, string frameSources)
        => context.Response.Headers["Content-Security-Policy"] = $"{Default}; frame-src {frameSources}";
}

/// <summary>Sends the baseline security headers on every response.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers["Content-Security-Policy"] = ContentSecurityPolicy.Default;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
