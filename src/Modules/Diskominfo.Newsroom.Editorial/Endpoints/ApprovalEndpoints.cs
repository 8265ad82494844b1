using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Editorial.Endpoints;

internal static class ApprovalEndpoints
{
    public sealed record ActionRequest(string? Note, string? ContentHash);

    public sealed record AssignRequest(string? UserId, string? Note);

    public sealed record ActionResponse(Guid Id, string Status);

    public static void MapApprovalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var items = endpoints.MapGroup("/api/v1/items/{id:guid}").WithTags("Approval").RequireAuthorization(NewsroomPolicies.ApiStaff)
            .RequireItemSight(ItemSight.Published);
        items.MapPost("/submit", (Guid id, HttpContext http, EditorialService editorial, IWorkflowQuery query, CancellationToken ct)
                => RespondAsync(id, editorial.SubmitAsync(id, Actor.FromPrincipal(http.User)!, ct), query, ct))
            .WithSummary("Penulis mengajukan naskah ke Kasi.");
        items.MapPost("/approve", (Guid id, ActionRequest? request, HttpContext http, EditorialService editorial, IWorkflowQuery query, CancellationToken ct)
                => RespondAsync(id, editorial.ApproveAsync(id, Actor.FromPrincipal(http.User)!, request?.Note, request?.ContentHash, ct), query, ct))
            .WithSummary("Paraf (Kasi, Kabid) atau tanda tangan (Kadis) pada versi naskah saat ini; contentHash opsional memastikan versi yang disetujui.");
        items.MapPost("/return", (Guid id, ActionRequest? request, HttpContext http, EditorialService editorial, IWorkflowQuery query, CancellationToken ct)
                => RespondAsync(id, editorial.ReturnAsync(id, Actor.FromPrincipal(http.User)!, request?.Note, ct), query, ct))
            .WithSummary("Mengembalikan naskah dengan catatan: ke langkah sebelumnya (Kabid ke Kasi, Kadis ke Kabid; Kasi ke penulis) atau, bila diatur begitu, selalu ke penulis.");
        items.MapPost("/reject", (Guid id, ActionRequest? request, HttpContext http, EditorialService editorial, IWorkflowQuery query, CancellationToken ct)
                => RespondAsync(id, editorial.RejectAsync(id, Actor.FromPrincipal(http.User)!, request?.Note, ct), query, ct))
            .WithSummary("Kliping tidak dipilih (dengan alasan): tidak diarsipkan, alurnya selesai.");
        items.MapPost("/assign", (Guid id, AssignRequest? request, HttpContext http, EditorialService editorial, IWorkflowQuery query, CancellationToken ct)
                => RespondAsync(id, editorial.AssignAsync(id, Actor.FromPrincipal(http.User)!, request?.UserId, request?.Note, ct), query, ct))
            .WithSummary("Kabid menugaskan adventorial yang dipesan Kadis kepada seorang Kasi (userId) sebagai PPTK, dengan catatan disposisi.");
        items.MapPost("/correction", (Guid id, ActionRequest? request, HttpContext http, EditorialService editorial, IWorkflowQuery query, CancellationToken ct)
                => RespondAsync(id, editorial.StartCorrectionAsync(id, Actor.FromPrincipal(http.User)!, request?.Note, ct), query, ct))
            .WithSummary("Memulai ralat naskah yang sudah terbit (note: alasan ralat); penyusun ralat lalu mengubah naskah dan mengajukannya ke alur ralat.");
    }

    private static async Task<Results<Ok<ActionResponse>, ProblemHttpResult>> RespondAsync(
        Guid id, Task<Outcome> action, IWorkflowQuery query, CancellationToken cancellationToken)
    {
        var outcome = await action;
        if (!outcome.Succeeded)
        {
            return ChecklistEndpoints.Problem(outcome);
        }

        var view = await query.GetAsync(id, cancellationToken);
        return TypedResults.Ok(new ActionResponse(id, view!.Status));
    }
}
