using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Notifications.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Notifications.Endpoints;

internal static class InboxEndpoints
{
    public static void MapInboxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var inbox = endpoints.MapGroup("/api/v1/inbox").WithTags("Inbox").RequireAuthorization(NewsroomPolicies.ApiStaff);
        inbox.MapGet("/", async (HttpContext http, Inbox service, CancellationToken ct)
                => TypedResults.Ok(await service.ListAsync(Actor.FromPrincipal(http.User)!.UserId, 100, ct)))
            .WithSummary("Pemberitahuan pengguna, terbaru lebih dulu: naskah yang menunggu atau dikembalikan kepadanya.");
        inbox.MapPost("/read", async (HttpContext http, Inbox service, CancellationToken ct) =>
            {
                await service.MarkAllReadAsync(Actor.FromPrincipal(http.User)!.UserId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Menandai semua pemberitahuan sudah dibaca.");
    }
}
