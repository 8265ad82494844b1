using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Editorial.Settings;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Editorial.Endpoints;

/// <summary>The checklist of an item, the checklists and the return direction as settings.</summary>
internal static class ChecklistEndpoints
{
    public sealed record ChecklistResponse(Guid Id, bool Complete, IReadOnlyList<string> Channels, IReadOnlyList<ChecklistMissing> Missing);

    public sealed record ChannelChecklist(string Channel, IReadOnlyList<string> Checks, int MinCropPercent);

    public sealed record TypeChecklist(string Type, IReadOnlyList<ChannelChecklist> Channels);

    public sealed record ChecklistRequest(IReadOnlyList<string>? Checks, int? MinCropPercent);

    public sealed record ReturnRequest(string? ReturnTo);

    public static void MapChecklistEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/items/{id:guid}/checklist", CheckAsync).WithTags("Approval").RequireAuthorization(NewsroomPolicies.ApiStaff)
            .RequireItemSight(ItemSight.Work)
            .WithSummary("Daftar periksa naskah untuk kanal tujuannya: yang belum terpenuhi (missing: [{code, message, channels}]).");

        var settings = endpoints.MapGroup("/api/v1/settings/editorial").WithTags("Settings").RequireAuthorization(NewsroomPolicies.ApiStaff);
        settings.MapGet("/checklists", ReadChecklistsAsync).WithSummary("Daftar periksa sebelum pengajuan dan tanda tangan, per jenis konten dan kanal.");
        settings.MapPut("/checklists/{type}/{channel}", (string type, string channel, ChecklistRequest request, HttpContext http, EditorialSettings editorial, CancellationToken ct)
                => RespondAsync(editorial.SaveChecklistAsync(
                    type, channel, request.Checks ?? [], request.MinCropPercent ?? ChecklistChecks.DefaultMinCropPercent, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: pemeriksaan yang berlaku untuk jenis konten dan kanal (checks: kode pemeriksaan; minCropPercent: untuk Instagram).");
        settings.MapPut("/returns/{type}", (string type, ReturnRequest request, HttpContext http, EditorialSettings editorial, CancellationToken ct)
                => RespondAsync(editorial.SaveReturnModeAsync(type, request.ReturnTo?.Trim().ToLowerInvariant(), Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: arah pengembalian naskah untuk jenis konten: previous (ke langkah sebelumnya, sesuai SOP) atau writer (selalu ke penulis).");
    }

    private static async Task<Results<Ok<ChecklistResponse>, NotFound>> CheckAsync(Guid id, IEditorialChecklist checklist, CancellationToken cancellationToken)
        => await checklist.CheckAsync(id, cancellationToken) is { } result
            ? TypedResults.Ok(new ChecklistResponse(id, result.Complete, result.Channels, result.Missing))
            : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<TypeChecklist>>> ReadChecklistsAsync(EditorialSettings settings, CancellationToken cancellationToken)
    {
        var result = new List<TypeChecklist>();
        foreach (var type in ContentTypes.All)
        {
            var channels = await settings.ChecklistAsync(type, cancellationToken);
            result.Add(new TypeChecklist(type, [.. channels.Select(c => new ChannelChecklist(c.Channel, [.. ChecklistChecks.All.Where(c.Checks.Contains)], c.MinCropPercent))]));
        }

        return TypedResults.Ok<IReadOnlyList<TypeChecklist>>(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RespondAsync(Task<Outcome> action)
    {
        var outcome = await action;
        return outcome.Succeeded ? TypedResults.NoContent() : OutcomeResults.Problem(outcome);
    }

    /// <summary>422 with the list of what is missing (<c>missing: [{code, message, channels}]</c>), or the outcome's own problem.</summary>
    public static ProblemHttpResult Problem(Outcome outcome)
        => outcome is ChecklistRefusal refusal
            ? TypedResults.Problem(
                detail: refusal.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Daftar periksa belum terpenuhi",
                extensions: new Dictionary<string, object?> { ["missing"] = refusal.Missing })
            : OutcomeResults.Problem(outcome);
}

/// <summary>The checklist's desk pages.</summary>
internal static class ChecklistPaths
{
    public const string SettingsPage = "/admin/pengaturan/daftar-periksa";
}
