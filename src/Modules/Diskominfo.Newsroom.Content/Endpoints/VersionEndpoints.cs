using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Content.Endpoints;

/// <summary>An item's saved revisions, the diff of any two, and restoring an older text as a new revision.</summary>
internal static class VersionEndpoints
{
    public static void MapVersionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var versions = endpoints.MapGroup("/api/v1/items/{id:guid}/versions").WithTags("Items")
            .RequireAuthorization(NewsroomPolicies.ApiStaff).RequireItemSight(ItemSight.Work);
        versions.MapGet("/", ListAsync)
            .WithSummary("Setiap versi naskah yang pernah disimpan, terbaru lebih dulu, dengan penyimpan dan waktunya.");
        versions.MapGet("/compare", CompareAsync)
            .WithSummary("Perbandingan berdampingan dua versi naskah: ?a=nomor versi kiri&b=nomor versi kanan.");
        versions.MapPost("/{number:int}/restore", RestoreAsync)
            .WithSummary("Memulihkan teks versi lama sebagai versi baru (foto tetap); naskah melewati rantai persetujuan lagi. Menerima If-Match.");
    }

    /// <summary>
    /// A refused write as problem details; a stale one (412) also says who saved the item last and when
    /// (<c>updatedBy</c>, <c>updatedAt</c>) and carries the current <c>ETag</c> (<c>currentRevision</c>).
    /// </summary>
    public static async Task<ProblemHttpResult> RefusedAsync(Guid id, Outcome outcome, HttpContext http, ContentService content, CancellationToken cancellationToken)
    {
        if (outcome.Kind != OutcomeKind.Stale || await content.StampAsync(id, cancellationToken) is not { } stamp)
        {
            return OutcomeResults.Problem(outcome);
        }

        http.Response.Headers.ETag = stamp.ETag;
        var (status, title) = OutcomeResults.StatusOf(outcome);
        return TypedResults.Problem(detail: outcome.Message, statusCode: status, title: title, extensions: new Dictionary<string, object?>
        {
            ["updatedBy"] = stamp.UpdatedByName,
            ["updatedAt"] = stamp.UpdatedAt,
            ["currentRevision"] = stamp.Revision,
        });
    }

    private static async Task<Ok<IReadOnlyList<VersionEntry>>> ListAsync(Guid id, VersionHistory history, CancellationToken cancellationToken)
        => TypedResults.Ok(await history.ListAsync(id, cancellationToken));

    private static async Task<Results<Ok<VersionComparison>, ProblemHttpResult>> CompareAsync(
        Guid id, VersionHistory history, CancellationToken cancellationToken, string? a = null, string? b = null)
    {
        var errors = new Dictionary<string, string[]>();
        var left = Number(a, "a", errors);
        var right = Number(b, "b", errors);
        if (errors.Count > 0)
        {
            return OutcomeResults.Problem(Outcome.Invalid(errors));
        }

        return await history.CompareAsync(id, left, right, cancellationToken) is { } comparison
            ? TypedResults.Ok(comparison)
            : OutcomeResults.Problem(Outcome.NotFound($"Versi {left} atau {right} naskah ini tidak ditemukan."));
    }

    private static async Task<Results<Ok<RestoredResponse>, ProblemHttpResult>> RestoreAsync(
        Guid id, int number, HttpContext http, ContentService content, CancellationToken cancellationToken)
    {
        var (expected, malformed) = IfMatch.Read(http.Request);
        if (malformed is not null)
        {
            return OutcomeResults.Problem(malformed);
        }

        var outcome = await content.RestoreAsync(id, number, Actor.FromPrincipal(http.User)!, cancellationToken, expected);
        if (!outcome.Succeeded)
        {
            return await RefusedAsync(id, outcome, http, content, cancellationToken);
        }

        var stamp = (await content.StampAsync(id, cancellationToken))!;
        http.Response.Headers.ETag = stamp.ETag;
        return TypedResults.Ok(new RestoredResponse(id, stamp.Revision, number, outcome.Value!.Number, outcome.Value.ContentHash));
    }

    private static int Number(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        errors[name] = [$"Parameter {name} wajib nomor versi (bilangan bulat mulai 1), lihat GET /api/v1/items/{{id}}/versions."];
        return 0;
    }
}
