using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media.Data;
using Diskominfo.Newsroom.Media.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Diskominfo.Newsroom.Media.Endpoints;

internal static class MediaEndpoints
{
    public sealed record UploadResponse(Guid MediaId, string Url, string ContentType, int Width, int Height, long Size);

    public static void MapMediaEndpoints(this IEndpointRouteBuilder endpoints, long maxBytes)
    {
        endpoints.MapPost("/api/v1/items/{id:guid}/media", UploadAsync)
            .RequireAuthorization(NewsroomPolicies.ApiStaff)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + (1024 * 1024)))
            .WithTags("Media")
            .WithSummary("Mengunggah foto (JPEG, PNG, WebP) ke naskah: multipart dengan field file, caption, credit.");
        endpoints.MapGet("/media/{id:guid}", OriginalAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/media/{id:guid}/{rendition}.jpg", RenditionAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<Results<Created<UploadResponse>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, UploadService uploads, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Jenis konten tidak didukung",
                detail: "Kirim berkas sebagai multipart/form-data dengan field 'file'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return OutcomeResults.Problem(Outcome.Invalid("file", "Berkas wajib dilampirkan pada field 'file'."));
        }

        var outcome = await uploads.UploadAsync(id, file, form["caption"], form["credit"], Actor.FromPrincipal(request.HttpContext.User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return OutcomeResults.Problem(outcome);
        }

        var stored = outcome.Value!;
        var url = MediaPaths.Original(stored.Id);
        return TypedResults.Created(url, new UploadResponse(stored.Id, url, stored.ContentType, stored.Width, stored.Height, stored.Size));
    }

    private static async Task<IResult> OriginalAsync(
        Guid id, HttpContext http, MediaDbContext db, MediaStorage storage, IContentCatalog content, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null || !await MayReadAsync(file.ItemId, http, content, cancellationToken))
        {
            return NotFound();
        }

        // A document is downloaded, never shown inline: the browser must not render an uploaded PDF in the site's origin.
        return Results.File(storage.FullPath(file.StoragePath), file.ContentType,
            fileDownloadName: file.ContentType == PhotoRef.Pdf ? file.OriginalName : null,
            enableRangeProcessing: true, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<IResult> RenditionAsync(
        Guid id, string rendition, HttpContext http, MediaDbContext db, IMediaLibrary library, IContentCatalog content, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<SocialRendition>(rendition, ignoreCase: true, out var kind))
        {
            return NotFound();
        }

        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null || !await MayReadAsync(file.ItemId, http, content, cancellationToken))
        {
            return NotFound();
        }

        var bytes = await library.GetRenditionAsync(id, kind, cancellationToken);
        return bytes is null ? NotFound() : Results.Bytes(bytes, "image/jpeg");
    }

    /// <summary>Published items' files are public; other files only for signed-in staff.</summary>
    private static async Task<bool> MayReadAsync(Guid itemId, HttpContext http, IContentCatalog content, CancellationToken cancellationToken)
        => Actor.FromPrincipal(http.User)?.IsStaff == true || await content.IsPublishedAsync(itemId, cancellationToken);

    private static ProblemHttpResult NotFound() => OutcomeResults.Problem(Outcome.NotFound("Berkas tidak ditemukan."));
}
