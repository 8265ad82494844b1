using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Media.Endpoints;

/// <summary>The media library's API: list and search, reuse in an item, the item's photo order, texts and removal, deletion.</summary>
internal static class LibraryEndpoints
{
    public sealed record OrderRequest(IReadOnlyList<Guid>? MediaIds);

    public sealed record TextsRequest(string? Caption, string? Credit, string? Alt);

    /// <summary>An item's photo as the API shows it; the first of the list is the lead.</summary>
    public sealed record ItemPhotoResponse(Guid MediaId, string ContentType, int Width, int Height, string? Caption, string? Credit, string? Alt, bool Lead, string? ThumbnailUrl);

    public static void MapLibraryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(NewsroomPolicies.ApiStaff).DisableAntiforgery().WithTags("Media");
        api.MapGet("/media", ListAsync)
            .WithSummary("Pustaka media: foto dan dokumen terbaru dahulu, 48 per halaman; q mencari di keterangan, kredit, teks alternatif, nama berkas (atau id naskah); item, from, to (YYYY-MM-DD) menyaring.");
        api.MapDelete("/media/{mediaId:guid}", DeleteAsync)
            .WithSummary("Menghapus unggahan yang tidak dipakai naskah mana pun; berkas asli naskah yang diarsipkan tidak pernah dihapus.");
        var item = api.MapGroup("/items/{id:guid}/media").RequireItemSight(ItemSight.Published);
        item.MapPost("/{mediaId:guid}", ReuseAsync).WithSummary("Memakai foto dari pustaka di naskah ini (ditambahkan di akhir).");
        item.MapPut("/order", ReorderAsync).WithSummary("Mengurutkan foto naskah: mediaIds memuat setiap foto sekali; yang pertama foto utama.");
        item.MapPost("/{mediaId:guid}/lead", LeadAsync).WithSummary("Menjadikan foto ini foto utama naskah.");
        item.MapPut("/{mediaId:guid}", EditAsync).WithSummary("Memperbaiki keterangan, kredit, dan teks alternatif foto di naskah (dicatat di riwayat).");
        item.MapDelete("/{mediaId:guid}", RemoveAsync).WithSummary("Melepas foto dari naskah yang masih draf; berkasnya tetap di pustaka.");
    }

    private static async Task<IResult> ListAsync(
        string? q, string? page, string? item, string? from, string? to, HttpContext http, LibraryQuery library, CancellationToken cancellationToken)
    {
        var filter = LibraryQuery.Parse(q, item, from, to, page);
        return filter.Succeeded
            ? Results.Ok(await library.ListAsync(filter.Value!, Actor.FromPrincipal(http.User)!, cancellationToken))
            : OutcomeResults.Problem(filter);
    }

    private static async Task<IResult> DeleteAsync(Guid mediaId, HttpContext http, ItemPhotosService photos, CancellationToken cancellationToken)
        => Done(await photos.DeleteAsync(mediaId, Actor.FromPrincipal(http.User)!, cancellationToken));

    private static async Task<IResult> ReuseAsync(Guid id, Guid mediaId, HttpContext http, ItemPhotosService photos, CancellationToken cancellationToken)
    {
        var outcome = await photos.ReuseAsync(id, mediaId, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded
            ? Results.Created($"/api/v1/items/{id}/media/{mediaId}", Shape(outcome.Value!, lead: false))
            : OutcomeResults.Problem(outcome);
    }

    private static async Task<IResult> ReorderAsync(Guid id, OrderRequest request, HttpContext http, ItemPhotosService photos, CancellationToken cancellationToken)
        => List(await photos.ReorderAsync(id, request.MediaIds, Actor.FromPrincipal(http.User)!, cancellationToken));

    private static async Task<IResult> LeadAsync(Guid id, Guid mediaId, HttpContext http, ItemPhotosService photos, CancellationToken cancellationToken)
        => List(await photos.MakeLeadAsync(id, mediaId, Actor.FromPrincipal(http.User)!, cancellationToken));

    private static async Task<IResult> EditAsync(
        Guid id, Guid mediaId, TextsRequest request, HttpContext http, ItemPhotosService photos, CancellationToken cancellationToken)
    {
        var outcome = await photos.EditAsync(id, mediaId, new PhotoTexts(request.Caption, request.Credit, request.Alt), Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? Results.Ok(Shape(outcome.Value!, lead: false)) : OutcomeResults.Problem(outcome);
    }

    private static async Task<IResult> RemoveAsync(Guid id, Guid mediaId, HttpContext http, ItemPhotosService photos, CancellationToken cancellationToken)
        => Done(await photos.RemoveAsync(id, mediaId, Actor.FromPrincipal(http.User)!, cancellationToken));

    private static IResult Done(Outcome outcome) => outcome.Succeeded ? Results.NoContent() : OutcomeResults.Problem(outcome);

    private static IResult List(Outcome<IReadOnlyList<PhotoRef>> outcome)
        => outcome.Succeeded
            ? Results.Ok(outcome.Value!.Select((p, i) => Shape(p, i == 0)).ToList())
            : OutcomeResults.Problem(outcome);

    public static ItemPhotoResponse Shape(PhotoRef photo, bool lead)
        => new(photo.MediaId, photo.ContentType, photo.Width, photo.Height, photo.Caption, photo.Credit, photo.Alt, lead,
            photo.IsImage ? MediaPaths.Photo(photo.MediaId, MediaPaths.Thumbnail) : null);
}
