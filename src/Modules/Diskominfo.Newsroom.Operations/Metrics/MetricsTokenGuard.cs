using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Operations.Metrics;

/// <summary>
/// In front of the Prometheus exporter: only a request with <c>Authorization: Bearer</c> and the configured token
/// (compared in constant time) is answered; any other gets 401 with an Indonesian problem.
/// </summary>
internal sealed class MetricsTokenGuard(RequestDelegate next, IOptions<MetricsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Authorized(context.Request.Headers.Authorization.ToString(), options.Value.Token))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(
            new { title = "Silakan masuk terlebih dahulu", status = 401, detail = "Metrik hanya untuk pemegang token metrik (Authorization: Bearer)." },
            options: null, contentType: "application/problem+json", cancellationToken: context.RequestAborted);
    }

    private static bool Authorized(string header, string? token)
    {
        const string Scheme = "Bearer ";
        if (string.IsNullOrEmpty(token) || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(sent, SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
