using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Models;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Content.Endpoints;

internal static class ItemEndpoints
{
    public static void MapItemEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var items = endpoints.MapGroup("/api/v1/items").WithTags("Items");
        items.MapPost("/", CreateAsync).RequireAuthorization(NewsroomPolicies.ApiStaff)
            .WithSummary("Membuat naskah baru (siaran pers, kliping, atau adventorial).");
        items.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(NewsroomPolicies.ApiStaff).RequireItemSight(ItemSight.Published)
            .WithSummary("Mengubah naskah; siapa yang boleh mengubah mengikuti rantai persetujuan. Dengan If-Match (ETag dari GET) ditolak 412 bila orang lain menyimpan lebih dulu.");
        items.MapGet("/{id:guid}", GetAsync).AllowAnonymous()
            .WithSummary("Rincian naskah: status, riwayat, publikasi, arsip bagi yang boleh melihat kerjanya; bagi yang lain (juga tanpa masuk) hanya bentuk publik naskah yang sudah terbit.");
        endpoints.MapGet("/api/v1/desk", DeskAsync).RequireAuthorization(NewsroomPolicies.ApiStaff).WithTags("Items")
            .WithSummary("Naskah yang menunggu pengguna, yang terlama lebih dulu, dengan lama menunggu dan waktu baku langkahnya (menit).");
        items.MapGet("/", ListAsync).RequireAuthorization(NewsroomPolicies.ApiStaff)
            .WithSummary("Daftar naskah yang dapat dilihat pengguna.");
    }

    private static async Task<Results<Created<ItemCreatedResponse>, ProblemHttpResult>> CreateAsync(
        ItemInput input, HttpContext http, ContentService content, CancellationToken cancellationToken)
    {
        var outcome = await content.CreateAsync(input, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/items/{outcome.Value!.ItemId}", new ItemCreatedResponse(outcome.Value.ItemId, outcome.Value.Number, outcome.Value.ContentHash))
            : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<ItemCreatedResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, ItemInput input, HttpContext http, ContentService content, CancellationToken cancellationToken)
    {
        var (expected, malformed) = IfMatch.Read(http.Request);
        if (malformed is not null)
        {
            return OutcomeResults.Problem(malformed);
        }

        var outcome = await content.UpdateAsync(id, input, Actor.FromPrincipal(http.User)!, cancellationToken, expected);
        if (!outcome.Succeeded)
        {
            return await VersionEndpoints.RefusedAsync(id, outcome, http, content, cancellationToken);
        }

        if (await content.StampAsync(id, cancellationToken) is { } stamp)
        {
            http.Response.Headers.ETag = stamp.ETag; // the tag to send with the next save
        }

        return TypedResults.Ok(new ItemCreatedResponse(outcome.Value!.ItemId, outcome.Value.Number, outcome.Value.ContentHash));
    }

    /// <summary>
    /// The work for those who may see it; for everyone else the public shape of a published item (a DTO of its own, not
    /// the staff one with fields blanked), and for another person's unpublished work the same 404 as for no item at all.
    /// </summary>
    private static async Task<Results<Ok<ItemDetails>, Ok<PublicItem>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, ItemReader reader, ContentService content, CancellationToken cancellationToken)
    {
        var read = await reader.GetAsync(id, Actor.FromPrincipal(http.User), cancellationToken);
        if (read is { Work: not null } && await content.StampAsync(id, cancellationToken) is { } stamp)
        {
            http.Response.Headers.ETag = stamp.ETag;
        }

        return read switch
        {
            { Work: { } work } => TypedResults.Ok(work),
            { Public: { } shown } => TypedResults.Ok(shown),
            _ => OutcomeResults.Problem(Outcome.NotFound("Naskah tidak ditemukan.")),
        };
    }

    private static async Task<Ok<IReadOnlyList<AwaitingRow>>> DeskAsync(HttpContext http, ItemReader reader, CancellationToken cancellationToken)
        => TypedResults.Ok(await reader.ListAwaitingAsync(Actor.FromPrincipal(http.User)!, cancellationToken));

    private static async Task<Ok<IReadOnlyList<ItemSummary>>> ListAsync(HttpContext http, ItemReader reader, CancellationToken cancellationToken)
        => TypedResults.Ok(await reader.ListAsync(Actor.FromPrincipal(http.User)!, 200, cancellationToken));
}
