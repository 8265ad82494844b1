using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>Every unhandled failure becomes problem details in Indonesian; no stack trace ever reaches a user.</summary>
public sealed partial class NewsroomExceptionHandler(IProblemDetailsService problems, ILogger<NewsroomExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = Describe(exception);

        // The middleware has already pointed the request at the error page; the path asked for is in the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (status >= 500 && exception is not ServerBusyException)
        {
            LogUnhandled(logger, exception, path);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "10";
        }

        if (NewsroomInfrastructureExtensions.IsPagePath(path))
        {
            // Pages get the HTML error page, re-executed by the exception handler middleware.
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = NewsroomInfrastructureExtensions.StatusTitle(status), Detail = detail },
        });
    }

    /// <summary>The status and the Indonesian explanation of a failure.</summary>
    public static (int Status, string Detail) Describe(Exception exception)
        => exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                => (bad.StatusCode, "Berkas atau data yang dikirim terlalu besar."),
            BadHttpRequestException bad
                => (bad.StatusCode, "Format data yang dikirim tidak dapat dibaca. Periksa isian tanggal, angka, dan JSON-nya."),
            ServerBusyException busy
                => (StatusCodes.Status503ServiceUnavailable, busy.Message),
            DbUpdateConcurrencyException
                => (StatusCodes.Status409Conflict, "Data ini baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi."),
            _ when DatabaseUnreachable(exception)
                => (StatusCodes.Status503ServiceUnavailable, "Basis data sedang tidak dapat dihubungi. Tidak ada yang tersimpan dari permintaan ini; coba lagi dalam beberapa detik."),
            _ => (StatusCodes.Status500InternalServerError, "Terjadi kesalahan pada server. Pekerjaan Anda yang sudah tersimpan tidak hilang; coba lagi sebentar lagi."),
        };

    /// <summary>
    /// The database server could not be reached or dropped the connection (restarting, failing over, out of
    /// connections): a passing state, said as such, not as a fault of the server's code.
    /// </summary>
    public static bool DatabaseUnreachable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException db
                && (db.IsTransient || db.SqlState is { Length: 5 } state && (state[..2] is "08" or "53" or "57" or "58" || state == "55000")))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
