using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Organization.Endpoints;

/// <summary><c>/api/v1/delegations</c>: acting officials (Plh/Plt); staff read them, the Kadis or an admin appoints and revokes.</summary>
internal static class DelegationEndpoints
{
    public const string Path = "/api/v1/delegations";

    public static void MapDelegationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var delegations = endpoints.MapGroup(Path).WithTags("Organization").RequireAuthorization(NewsroomPolicies.ApiStaff);
        delegations.MapGet("/", async (bool? active, DelegationService service, CancellationToken ct)
                => TypedResults.Ok(await service.ListAsync(active == true, ct)))
            .WithSummary("Penunjukan Plh/Plt, yang terbaru lebih dulu; ?active=true hanya yang berlaku hari ini (WIB).");
        delegations.MapPost("/", AppointAsync)
            .WithSummary("Kadis atau admin: menunjuk Plh/Plt {role: kadis|kabid|kasi, scope (bidang/seksi), delegateUserId, from, to (tanggal WIB, inklusif), reference (nomor surat), kind: plh|plt}.");
        delegations.MapDelete("/{id:guid}", RevokeAsync)
            .WithSummary("Kadis atau admin: mencabut penunjukan seketika; catatannya tetap ada dengan waktu pencabutan.");
    }

    private static async Task<Results<Created<DelegationView>, ProblemHttpResult>> AppointAsync(
        DelegationInput request, HttpContext http, DelegationService service, CancellationToken cancellationToken)
    {
        var outcome = await service.AppointAsync(request, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"{Path}/{outcome.Value!.Id}", outcome.Value) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, HttpContext http, DelegationService service, CancellationToken cancellationToken)
    {
        var outcome = await service.RevokeAsync(id, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : OutcomeResults.Problem(outcome);
    }
}
