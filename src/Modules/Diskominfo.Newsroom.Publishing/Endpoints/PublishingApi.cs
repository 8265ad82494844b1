using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Publishing.Connections;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Publishing.Endpoints;

/// <summary>The social channels' connections (admin), a publication's retry and cancel (operator), the captions per channel.</summary>
internal static class PublishingApi
{
    public sealed record CaptionRequest(string? Text);

    /// <summary>Where the operator found the post: its https address on the channel, or Meta's id of it.</summary>
    public sealed record MarkPublishedRequest(string? Reference);

    public static IEndpointRouteBuilder MapPublishingApi(this IEndpointRouteBuilder endpoints)
    {
        var channels = endpoints.MapGroup("/api/v1/settings/channels").WithTags("Settings").RequireAuthorization(NewsroomPolicies.ApiStaff);
        channels.MapGet("/", async (HttpContext http, ChannelDirectory directory, CancellationToken ct)
                => AdminOnly(http) ?? (IResult)TypedResults.Ok(await directory.OverviewAsync(ct)))
            .WithSummary("Admin: kanal Facebook dan Instagram: status, ID, empat karakter terakhir token, masa berlaku token, publikasi yang ditahan.");
        channels.MapPut("/{channel}", async (string channel, ChannelDirectory.ConnectRequest request, HttpContext http, ChannelDirectory directory, CancellationToken ct)
                => (IResult?)AdminOnly(http) ?? Respond(await directory.ConnectAsync(channel, request, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: menyambungkan kanal (targetId, accessToken; token kosong berarti tetap) lalu langsung mengujinya. Token disimpan terenkripsi.");
        channels.MapPost("/{channel}/test", async (string channel, HttpContext http, ChannelDirectory directory, CancellationToken ct)
                => (IResult?)AdminOnly(http) ?? Respond(await directory.TestAsync(channel, ct)))
            .WithSummary("Admin: menguji sambungan kanal ke Meta dan membaca masa berlaku token.");
        channels.MapDelete("/{channel}", async (string channel, HttpContext http, ChannelDirectory directory, CancellationToken ct)
                => (IResult?)AdminOnly(http) ?? NoContent(await directory.RemoveAsync(channel, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: memutus kanal dan menghapus tokennya.");

        var publications = endpoints.MapGroup("/api/v1/publications/{id:guid}").WithTags("Publishing").RequireAuthorization(NewsroomPolicies.ApiStaff);
        publications.MapPost("/retry", async (Guid id, HttpContext http, PublicationControl control, CancellationToken ct)
                => NoContent(await control.RetryAsync(id, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Operator/admin: mengirim lagi publikasi yang gagal, ditahan, atau uji coba, atau memeriksa sekarang di Meta publikasi yang menunggu kepastian; percobaan dihitung dari nol, dan kiriman yang pernah dicoba dicari dulu di Meta.");
        publications.MapPost("/cancel", async (Guid id, HttpContext http, PublicationControl control, CancellationToken ct)
                => NoContent(await control.CancelAsync(id, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Operator/admin: membatalkan publikasi media sosial yang belum terbit (juga yang masih menunggu kepastian dari Meta).");
        publications.MapPost("/mark-published", async (Guid id, MarkPublishedRequest request, HttpContext http, PublicationControl control, CancellationToken ct)
                => NoContent(await control.MarkPublishedAsync(id, request.Reference, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Operator/admin: mencatat publikasi media sosial sebagai terbit dengan alamat (https://...) atau ID kiriman yang diperiksa langsung di kanal; tidak ada yang dikirim.");

        var captions = endpoints.MapGroup("/api/v1/items/{id:guid}/captions").WithTags("Publishing").RequireAuthorization(NewsroomPolicies.ApiStaff)
            .RequireItemSight(ItemSight.Work);
        captions.MapGet("/", async (Guid id, HttpContext http, CaptionDesk desk, CancellationToken ct)
                => Respond(await desk.PreviewAsync(id, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Pratinjau takarir dan foto untuk Facebook dan Instagram, dengan hitungan terhadap batas kanal.");
        captions.MapPut("/{channel}", async (Guid id, string channel, CaptionRequest request, HttpContext http, CaptionDesk desk, CancellationToken ct)
                => NoContent(await desk.SaveAsync(id, channel, request.Text, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Operator/admin: takarir sendiri untuk satu kanal ({tautan} diganti alamat artikel); teks kosong kembali ke takarir otomatis.");
        return endpoints;
    }

    private static ProblemHttpResult? AdminOnly(HttpContext http)
        => Actor.FromPrincipal(http.User)?.IsInRole(NewsroomRoles.Admin) == true
            ? null
            : OutcomeResults.Problem(Outcome.Forbidden("Hanya admin yang dapat mengelola kanal media sosial."));

    private static IResult Respond<T>(Outcome<T> outcome) => outcome.Succeeded ? TypedResults.Ok(outcome.Value) : OutcomeResults.Problem(outcome);

    private static IResult NoContent(Outcome outcome) => outcome.Succeeded ? TypedResults.NoContent() : OutcomeResults.Problem(outcome);
}
