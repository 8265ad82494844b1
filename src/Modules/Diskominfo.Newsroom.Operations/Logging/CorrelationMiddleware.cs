using System.Diagnostics;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Operations.Logging;

/// <summary>
/// First in the pipeline after the transport and the kept pages (which stamp their own id): takes the client's
/// <c>X-Correlation-Id</c> when valid (else makes one), returns it in the response (set again as the response starts, over the id a page from the output cache was
/// stored with), and holds it in the log scope (with
/// the request's method, path and id), on the request's activity when there is one, and for the jobs the request
/// enqueues.
/// </summary>
internal sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var id = CorrelationIds.Stamp(context);

        // Set again as the response starts: a page from the output cache comes with the headers it was rendered with,
        // the id of the request that rendered it included.
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[CorrelationIds.Header] = id;
            return Task.CompletedTask;
        }, (context.Response, id));
        Activity.Current?.SetTag("correlation.id", id);
        Correlation.Current = id;
        using (logger.BeginScope(new CorrelationScope(id, (context.Request.Method, context.Request.Path.Value ?? "/", context.TraceIdentifier))))
        {
            await next(context);
        }
    }
}
