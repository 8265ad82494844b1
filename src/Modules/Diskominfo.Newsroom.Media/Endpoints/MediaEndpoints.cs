using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Infrastructure.Storage;
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
            .RequireItemSight(ItemSight.Published)
            .RequireRateLimiting(MediaRateLimits.Upload)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + (1024 * 1024)))
            .WithFormOptions(multipartBodyLengthLimit: maxBytes, valueCountLimit: 16)
            .WithTags("Media")
            .WithSummary("Mengunggah foto (JPEG, PNG, WebP) ke naskah: multipart dengan field file, caption, credit.");
        endpoints.MapPut("/api/v1/media/{id:guid}/focus", FocusAsync)
            .RequireAuthorization(NewsroomPolicies.ApiStaff)
            .DisableAntiforgery()
            .WithTags("Media")
            .WithSummary("Menetapkan titik fokus foto (x dan y, 0..1 dari lebar dan tinggi) agar potongan menjaga subjeknya.");
        endpoints.MapGet("/media/{id:guid}", OriginalAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/media/{id:guid}/{kind}.{format}", RenditionAsync).AllowAnonymous().ExcludeFromDescription();
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
        Guid id, HttpContext http, MediaDbContext db, MediaStorage storage, ItemPhotosService photos, CancellationToken cancellationToken)
    {
        // Originals (and documents: scans, the adventorial's file) are for those who may see the work of an item using
        // them: a camera's file may carry where it was taken. Readers get the renditions.
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null || await photos.SightAsync(file, Actor.FromPrincipal(http.User), cancellationToken) != ItemSight.Work)
        {
            return NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";

        // A document is downloaded, never shown inline: the browser must not render an uploaded PDF in the site's origin.
        return await storage.Store.FileResultAsync(MediaStorage.Key(file.StoragePath), file.ContentType,
            file.ContentType == PhotoRef.Pdf ? file.OriginalName : null, new EntityTagHeaderValue($"\"{file.Sha256}\""), cancellationToken)
            ?? NotFound();
    }

    private static async Task<IResult> RenditionAsync(
        Guid id, string kind, string format, HttpContext http, MediaDbContext db, MediaLibrary library, ItemPhotosService photos,
        IPublishedContentQuery published, CancellationToken cancellationToken)
    {
        if (!Renditions.IsPublicKind(kind, format))
        {
            return NotFound();
        }

        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        var shown = file is null ? ItemSight.None : await MayReadAsync(file, http, photos, published, cancellationToken);
        if (shown == ItemSight.None)
        {
            return NotFound();
        }

        // The same original, kind and focal point always give the same bytes: the tag says so without reading them.
        var etag = new EntityTagHeaderValue($"\"{file!.Sha256[..16]}-{kind}-{format}-{file.FocusX:0.000}-{file.FocusY:0.000}-{file.RenditionSet}\"");
        http.Response.Headers.CacheControl = shown == ItemSight.Work ? "private, max-age=60" : "public, max-age=86400";
        if (http.Request.Headers.IfNoneMatch.ToString() == etag.Tag.ToString())
        {
            http.Response.Headers.ETag = etag.Tag.ToString();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var bytes = await library.GetAsync(file, kind, format, cancellationToken);
        return bytes is null ? NotFound() : Results.Bytes(bytes, format == "webp" ? "image/webp" : "image/jpeg", entityTag: etag);
    }

    public sealed record FocusRequest(double? X, double? Y);

    private static async Task<IResult> FocusAsync(Guid id, FocusRequest request, HttpContext http, FocusService focus, CancellationToken cancellationToken)
    {
        var outcome = await focus.SetAsync(id, request.X, request.Y, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? Results.NoContent() : OutcomeResults.Problem(outcome);
    }

    /// <summary>
    /// A rendition is public when its photo is in the published version of a published item using it (not one added to
    /// a correction still in review); otherwise only for those who may see the work of an item using it.
    /// </summary>
    private static async Task<ItemSight> MayReadAsync(
        Models.MediaFile file, HttpContext http, ItemPhotosService photos, IPublishedContentQuery published, CancellationToken cancellationToken)
    {
        var sight = await photos.SightAsync(file, Actor.FromPrincipal(http.User), cancellationToken);
        if (sight != ItemSight.Published)
        {
            return sight;
        }

        foreach (var itemId in await photos.LinkedItemsAsync(file.Id, cancellationToken))
        {
            var article = await published.GetByIdAsync(itemId, cancellationToken);
            if (article?.Photos.Any(p => p.MediaId == file.Id && p.IsImage) == true)
            {
                return ItemSight.Published;
            }
        }

        return ItemSight.None;
    }

    private static ProblemHttpResult NotFound() => OutcomeResults.Problem(Outcome.NotFound("Berkas tidak ditemukan."));
}
