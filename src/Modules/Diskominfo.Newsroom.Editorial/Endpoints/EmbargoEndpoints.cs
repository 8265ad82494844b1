using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Editorial.Endpoints;

/// <summary><c>/api/v1/items/{id}/embargo</c>: the "not before" time that holds every channel, even after the signature.</summary>
internal static class EmbargoEndpoints
{
    /// <summary><c>notBefore</c>: an instant with its offset, or a WIB clock reading ("2026-12-03T09:00").</summary>
    public sealed record EmbargoRequest(string? NotBefore);

    public sealed record EmbargoResponse(Guid Id, DateTimeOffset? EmbargoUntil);

    public static void MapEmbargoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var items = endpoints.MapGroup("/api/v1/items/{id:guid}/embargo").WithTags("Approval").RequireAuthorization(NewsroomPolicies.ApiStaff)
            .RequireItemSight(ItemSight.Published);
        items.MapPut("/", SetAsync)
            .WithSummary("Embargo {notBefore} (WIB bila tanpa zona): tidak ada kanal yang terbit sebelumnya. Penulis atau penyetuju mengaturnya selama dalam alur; hanya Kadis yang memajukannya.");
        items.MapDelete("/", LiftAsync)
            .WithSummary("Kadis: mencabut embargo; naskah yang sudah ditandatangani terbit segera (atau pada waktu terbit yang dijadwalkan bila lebih lambat).");
    }

    /// <summary>Reads an instant: with an offset as given, without one as a WIB clock reading.</summary>
    public static DateTimeOffset? ParseWib(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local) && local.Kind == DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(local, IndonesianTime.WibOffset);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    private static async Task<Results<Ok<EmbargoResponse>, ProblemHttpResult>> SetAsync(
        Guid id, EmbargoRequest? request, HttpContext http, EditorialService editorial, IWorkflowQuery query, CancellationToken cancellationToken)
    {
        if (ParseWib(request?.NotBefore) is not { } notBefore)
        {
            return OutcomeResults.Problem(Outcome.Invalid("notBefore",
                "Waktu embargo wajib diisi dan harus dapat dibaca, misalnya \"2026-12-03T09:00\" (WIB) atau \"2026-12-03T09:00:00+07:00\"."));
        }

        return await RespondAsync(id, editorial.SetEmbargoAsync(id, Actor.FromPrincipal(http.User)!, notBefore, cancellationToken), query, cancellationToken);
    }

    private static Task<Results<Ok<EmbargoResponse>, ProblemHttpResult>> LiftAsync(
        Guid id, HttpContext http, EditorialService editorial, IWorkflowQuery query, CancellationToken cancellationToken)
        => RespondAsync(id, editorial.SetEmbargoAsync(id, Actor.FromPrincipal(http.User)!, null, cancellationToken), query, cancellationToken);

    private static async Task<Results<Ok<EmbargoResponse>, ProblemHttpResult>> RespondAsync(
        Guid id, Task<Outcome> action, IWorkflowQuery query, CancellationToken cancellationToken)
    {
        var outcome = await action;
        return outcome.Succeeded
            ? TypedResults.Ok(new EmbargoResponse(id, (await query.GetAsync(id, cancellationToken))?.EmbargoUntil))
            : OutcomeResults.Problem(outcome);
    }
}
