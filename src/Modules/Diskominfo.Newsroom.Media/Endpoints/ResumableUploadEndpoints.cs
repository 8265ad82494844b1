using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media.Models;
using Diskominfo.Newsroom.Media.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Media.Endpoints;

/// <summary>
/// The tus 1.0.0 protocol (core, creation, termination) for photos sent in pieces: <c>POST</c> creates an upload
/// (<c>Upload-Length</c>, <c>Upload-Metadata</c> with itemId, filename, caption, credit), <c>HEAD</c> gives its offset,
/// <c>PATCH</c> appends at the offset, <c>DELETE</c> ends it, <c>OPTIONS</c> says what the server supports. The final
/// <c>PATCH</c> (and any later <c>HEAD</c>) carries the result: <c>Upload-Result: attached</c> with
/// <c>Upload-Media-Id</c>, or the refusal as problem details (and <c>Upload-Result: refused</c>).
/// Mapped twice: under <c>/api/v1/uploads</c> for bearer clients and under <c>/admin/unggahan</c> for the desk's
/// script (the signed-in cookie, with the form's antiforgery token in the <c>RequestVerificationToken</c> header).
/// </summary>
internal static class ResumableUploadEndpoints
{
    public const string ApiBase = "/api/v1/uploads";
    public const string DeskBase = "/admin/unggahan";
    private const string TusVersion = "1.0.0";
    private const string OffsetContentType = "application/offset+octet-stream";

    public static void MapResumableUploads(this IEndpointRouteBuilder endpoints, string basePath, string policy, bool desk, long maxBytes)
    {
        endpoints.MapMethods(basePath, [HttpMethods.Options], Discovery).AllowAnonymous().ExcludeFromDescription();
        var group = endpoints.MapGroup(basePath)
            .RequireAuthorization(policy)
            .DisableAntiforgery()
            .AddEndpointFilter(TusHeaders)
            .WithTags("Media");
        if (desk)
        {
            group.AddEndpointFilter(DeskAntiforgery).ExcludeFromDescription();
        }

        group.MapPost("", CreateAsync)
            .RequireRateLimiting(MediaRateLimits.Upload)
            .WithSummary("Membuat unggahan bertahap (tus): Upload-Length dan Upload-Metadata (itemId, filename, caption, credit dalam base64).");
        group.MapMethods("{id:guid}", [HttpMethods.Head], HeadAsync)
            .WithSummary("Posisi unggahan (Upload-Offset) dan, bila selesai, hasilnya (Upload-Result, Upload-Media-Id).");
        group.MapMethods("{id:guid}", [HttpMethods.Patch], PatchAsync)
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + (1024 * 1024)))
            .WithSummary("Menambahkan potongan berkas pada Upload-Offset (application/offset+octet-stream).");
        group.MapDelete("{id:guid}", DeleteAsync)
            .WithSummary("Mengakhiri unggahan dan menghapus bagian yang sudah diterima.");
    }

    private static IResult Discovery(HttpContext http, ResumableUploadService uploads)
    {
        var headers = http.Response.Headers;
        headers["Tus-Resumable"] = TusVersion;
        headers["Tus-Version"] = TusVersion;
        headers["Tus-Extension"] = "creation,termination";
        headers["Tus-Max-Size"] = uploads.MaxBytes.ToString(CultureInfo.InvariantCulture);
        return Results.NoContent();
    }

    /// <summary>Every answer says the protocol's version; a request of another version is refused (412).</summary>
    private static async ValueTask<object?> TusHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers["Tus-Resumable"] = TusVersion;
        if (http.Request.Headers["Tus-Resumable"] != TusVersion)
        {
            http.Response.Headers["Tus-Version"] = TusVersion;
            return Problem(StatusCodes.Status412PreconditionFailed, "Versi protokol tidak didukung",
                $"Kirim header Tus-Resumable: {TusVersion}.");
        }

        return await next(context);
    }

    private static async ValueTask<object?> DeskAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Token formulir tidak valid",
                "Token keamanan halaman tidak cocok atau kedaluwarsa. Muat ulang halaman, lalu kirim lagi; bagian yang sudah terkirim tidak hilang.");
        }

        return await next(context);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ResumableUploadService uploads, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.Headers.ContainsKey("Upload-Defer-Length"))
        {
            return Problem(StatusCodes.Status400BadRequest, "Panjang berkas wajib", "Upload-Defer-Length tidak didukung: kirim Upload-Length.");
        }

        if (!long.TryParse(request.Headers["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return Problem(StatusCodes.Status400BadRequest, "Panjang berkas wajib", "Header Upload-Length (jumlah byte berkas) wajib dan harus berupa angka.");
        }

        if (uploads.TooLarge(length) is { } tooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Berkas terlalu besar", tooLarge);
        }

        var created = await uploads.CreateAsync(length, request.Headers["Upload-Metadata"], Actor.FromPrincipal(http.User)!, cancellationToken);
        if (!created.Succeeded)
        {
            return OutcomeResults.Problem(created);
        }

        var location = $"{request.PathBase}{request.Path.Value!.TrimEnd('/')}/{created.Value!.Id}";
        http.Response.Headers["Upload-Offset"] = "0";
        http.Response.Headers["Upload-Expires"] = created.Value.ExpiresAt.ToString("R", CultureInfo.InvariantCulture);
        return Results.Created(location, null);
    }

    private static async Task<IResult> HeadAsync(Guid id, HttpContext http, ResumableUploadService uploads, CancellationToken cancellationToken)
    {
        var found = await uploads.FindAsync(id, Actor.FromPrincipal(http.User)!, cancellationToken);
        if (!found.Succeeded)
        {
            return Results.StatusCode(OutcomeResults.StatusOf(found).Status);
        }

        http.Response.Headers.CacheControl = "no-store";
        Describe(http, found.Value!, await uploads.OffsetAsync(found.Value!, cancellationToken));
        return Results.Ok();
    }

    private static async Task<IResult> PatchAsync(
        Guid id, HttpContext http, ResumableUploadService uploads, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!string.Equals(request.ContentType, OffsetContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Jenis konten tidak didukung", $"Kirim potongan berkas sebagai {OffsetContentType}.");
        }

        if (!long.TryParse(request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return Problem(StatusCodes.Status400BadRequest, "Posisi wajib", "Header Upload-Offset wajib dan harus berupa angka.");
        }

        var appended = await uploads.AppendAsync(id, offset, request.ContentLength, request.Body, Actor.FromPrincipal(http.User)!, cancellationToken);
        if (!appended.Succeeded)
        {
            return OutcomeResults.Problem(appended);
        }

        var upload = appended.Value!;
        if (upload.IsFinished)
        {
            Log.ResumableUploadFinished(loggers.CreateLogger(typeof(ResumableUploadEndpoints).FullName!), upload.Id, upload.ItemId, upload.MediaId, upload.RefusalStatus);
        }

        Describe(http, upload, await uploads.OffsetAsync(upload, cancellationToken));
        return upload.Refusal is not null
            ? Problem(upload.RefusalStatus ?? StatusCodes.Status400BadRequest, "Foto ditolak", upload.Refusal)
            : Results.NoContent();
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, ResumableUploadService uploads, CancellationToken cancellationToken)
    {
        var deleted = await uploads.DeleteAsync(id, Actor.FromPrincipal(http.User)!, cancellationToken);
        return deleted.Succeeded ? Results.NoContent() : OutcomeResults.Problem(deleted);
    }

    /// <summary>The offset and length, and for a finished upload its result.</summary>
    private static void Describe(HttpContext http, PartialUpload upload, long offset)
    {
        var headers = http.Response.Headers;
        headers["Upload-Offset"] = offset.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Length"] = upload.Length.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Expires"] = upload.ExpiresAt.ToString("R", CultureInfo.InvariantCulture);
        if (upload.MediaId is { } mediaId)
        {
            headers["Upload-Result"] = "attached";
            headers["Upload-Media-Id"] = mediaId.ToString();
        }
        else if (upload.Refusal is not null)
        {
            headers["Upload-Result"] = "refused";
            headers["Upload-Refusal"] = Uri.EscapeDataString(upload.Refusal);
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
