using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// A request's body is held to its endpoint's limit before any work is done on it: the endpoint's
/// <see cref="IRequestSizeLimitMetadata"/> (<c>[RequestSizeLimit]</c>, <c>WithMetadata(new RequestSizeLimitAttribute(..))</c>),
/// else <see cref="RequestLimits.DefaultMaxBodyBytes"/>. A <c>Content-Length</c> over it is answered 413 at once, the
/// body unread; a body without one (chunked) is cut at the limit. A form is read here, under the endpoint's form
/// limits (<see cref="IFormOptionsMetadata"/>: size of each file, number of fields and files), and a JSON body into
/// memory, so that one over a limit is refused (413, or 400 for too many parts) before the endpoint starts.
/// Runs after authorization: nobody reads a large body for a request that is refused anyway.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<FormOptions> formDefaults, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var metadata = context.GetEndpoint()?.Metadata;
        var sizeLimit = metadata?.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = sizeLimit is null ? RequestLimits.DefaultMaxBodyBytes : sizeLimit.MaxRequestBodySize;
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                      ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);

        // The error page shown again for a refused request (re-executed with the same body) is not held to a limit.
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (limit is not { } max || !hasBody || reExecuted)
        {
            await next(context);
            return;
        }

        if (request.ContentLength > max)
        {
            await TooLargeAsync(context, max);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = max;
        }

        request.Body = new LimitedReadStream(request.Body, max);
        try
        {
            if (request.HasFormContentType)
            {
                context.Features.Set<IFormFeature>(new FormFeature(request, FormOptionsFor(metadata)));
                await request.ReadFormAsync(context.RequestAborted);
            }
            else if (request.HasJsonContentType())
            {
                var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                buffer.Position = 0;
                request.Body = buffer;
                context.Response.RegisterForDisposeAsync(buffer);
            }
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(context, max);
            return;
        }
        catch (InvalidDataException tooLong) when (tooLong.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal))
        {
            // One file of the form over the endpoint's limit for a file (the form reader's words): cut there, said of the file.
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, RequestLimits.FileTooLarge(FormOptionsFor(metadata).MultipartBodyLengthLimit));
            return;
        }
        catch (InvalidDataException)
        {
            // Too many fields or files, a field or a file over its own limit, or a malformed multipart body.
            await RefuseAsync(context, StatusCodes.Status400BadRequest, RequestLimits.FormRefusal);
            return;
        }

        await next(context);
    }

    private FormOptions FormOptionsFor(EndpointMetadataCollection? metadata)
    {
        var defaults = formDefaults.Value;
        var options = new FormOptions
        {
            BufferBody = defaults.BufferBody,
            MemoryBufferThreshold = defaults.MemoryBufferThreshold,
            BufferBodyLengthLimit = defaults.BufferBodyLengthLimit,
            ValueCountLimit = defaults.ValueCountLimit,
            KeyLengthLimit = defaults.KeyLengthLimit,
            ValueLengthLimit = defaults.ValueLengthLimit,
            MultipartBoundaryLengthLimit = defaults.MultipartBoundaryLengthLimit,
            MultipartHeadersCountLimit = defaults.MultipartHeadersCountLimit,
            MultipartHeadersLengthLimit = defaults.MultipartHeadersLengthLimit,
            MultipartBodyLengthLimit = defaults.MultipartBodyLengthLimit,
        };
        if (metadata?.GetMetadata<IFormOptionsMetadata>() is { } form)
        {
            options.BufferBody = form.BufferBody ?? options.BufferBody;
            options.MemoryBufferThreshold = form.MemoryBufferThreshold ?? options.MemoryBufferThreshold;
            options.BufferBodyLengthLimit = form.BufferBodyLengthLimit ?? options.BufferBodyLengthLimit;
            options.ValueCountLimit = form.ValueCountLimit ?? options.ValueCountLimit;
            options.KeyLengthLimit = form.KeyLengthLimit ?? options.KeyLengthLimit;
            options.ValueLengthLimit = form.ValueLengthLimit ?? options.ValueLengthLimit;
            options.MultipartBoundaryLengthLimit = form.MultipartBoundaryLengthLimit ?? options.MultipartBoundaryLengthLimit;
            options.MultipartHeadersCountLimit = form.MultipartHeadersCountLimit ?? options.MultipartHeadersCountLimit;
            options.MultipartHeadersLengthLimit = form.MultipartHeadersLengthLimit ?? options.MultipartHeadersLengthLimit;
            options.MultipartBodyLengthLimit = form.MultipartBodyLengthLimit ?? options.MultipartBodyLengthLimit;
        }

        return options;
    }

    private Task TooLargeAsync(HttpContext context, long max)
        => RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, RequestLimits.TooLarge(max));

    private async Task RefuseAsync(HttpContext context, int status, string detail)
    {
        // Nothing after this reads the body, not even the error page shown for it: its form is empty.
        context.Request.Body = Stream.Null;
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));

        // The body is left unread: an HTTP/1.1 connection is closed after this answer rather than drained.
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }

        context.Response.StatusCode = status;
        if (NewsroomInfrastructureExtensions.IsPageRequest(context))
        {
            // The HTML error page (re-executed for the bare status) says it with this detail.
            context.Items[RequestLimits.DetailItem] = detail;
            return;
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = NewsroomInfrastructureExtensions.StatusTitle(status),
                Detail = detail,
            },
        });
    }
}
