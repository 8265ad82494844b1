using System.Globalization;
using System.Threading.RateLimiting;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// A request over a rate limit: 429 with <c>Retry-After</c> and an Indonesian explanation, as problem details for the
/// API and as a plain page for forms.
/// </summary>
public static class RateLimitRejection
{
    /// <summary>
    /// An <see cref="HttpContext.Items"/> key a policy may set to the time after which a rejected client may try again,
    /// for limiters whose leases do not say it (a sliding window: one segment).
    /// </summary>
    public const string RetryAfterItem = "newsroom.rate-limit.retry-after";

    /// <summary>An <see cref="HttpContext.Items"/> key a policy sets to the <see cref="RateLimitNotice"/> its rejections give.</summary>
    public const string NoticeItem = "newsroom.rate-limit.notice";

    public static void Configure(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = WriteAsync;
    }

    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : http.Items[RetryAfterItem] as TimeSpan? ?? TimeSpan.FromSeconds(60);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var notice = http.Items[NoticeItem] as RateLimitNotice ?? RateLimitNotice.SignIn;
        var detail = $"{notice.Sentence} Coba lagi dalam {seconds} detik.";
        if (!NewsroomInfrastructureExtensions.IsPageRequest(http))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = NewsroomInfrastructureExtensions.StatusTitle(StatusCodes.Status429TooManyRequests),
                    Detail = detail,
                    Extensions = { ["retryAfter"] = seconds },
                },
            });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="id">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{notice.Title} · Newsroom Diskominfo</title></head>
            <body>
            <main>
            <h1>{notice.Title}</h1>
            <p>{detail}</p>
            <p><a href="{notice.BackPath}">{notice.BackLabel}</a></p>
            </main>
            </body>
            </html>
            """,
            cancellationToken);
    }
}
