using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Organization.Endpoints;

/// <summary><c>/api/v1/org/sections</c>: the office's bidang and seksi; staff read them, admins keep them.</summary>
internal static class SectionEndpoints
{
    public const string Path = "/api/v1/org/sections";

    public sealed record CreateSectionRequest(string? Kind, string? Name, string? Code, string? ParentId);

    public sealed record UpdateSectionRequest(string? Name, string? Code, string? ParentId, bool? Active);

    public static void MapSectionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var sections = endpoints.MapGroup(Path).WithTags("Organization").RequireAuthorization(NewsroomPolicies.ApiStaff);
        sections.MapGet("/", async (SectionService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithSummary("Semua bidang dan seksi (aktif atau tidak) dengan kepalanya (Kabid/Kasi) dan jumlah pegawai yang ditempatkan.");
        sections.MapGet("/{id:guid}", GetAsync)
            .WithSummary("Satu bidang atau seksi.");
        sections.MapPost("/", CreateAsync)
            .WithSummary("Admin: menambah bidang (tanpa induk) atau seksi (induknya bidang yang aktif): {kind, name, code?, parentId?}.");
        sections.MapPut("/{id:guid}", UpdateAsync)
            .WithSummary("Admin: mengubah nama, kode, induk, atau status aktif. Tidak ada penghapusan: nonaktifkan dengan active=false.");
    }

    private static async Task<Results<Ok<SectionView>, ProblemHttpResult>> GetAsync(Guid id, SectionService service, CancellationToken cancellationToken)
        => await service.GetAsync(id, cancellationToken) is { } section
            ? TypedResults.Ok(section)
            : OutcomeResults.Problem(Outcome.NotFound("Bidang atau seksi tidak ditemukan."));

    private static async Task<Results<Created<SectionView>, ProblemHttpResult>> CreateAsync(
        CreateSectionRequest request, HttpContext http, SectionService service, CancellationToken cancellationToken)
    {
        var outcome = await service.CreateAsync(
            new SectionInput(request.Kind, request.Name, request.Code, request.ParentId), Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"{Path}/{outcome.Value!.Id}", outcome.Value) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<SectionView>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateSectionRequest request, HttpContext http, SectionService service, CancellationToken cancellationToken)
    {
        var outcome = await service.UpdateAsync(
            id, new SectionInput(null, request.Name, request.Code, request.ParentId, request.Active), Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : OutcomeResults.Problem(outcome);
    }
}
