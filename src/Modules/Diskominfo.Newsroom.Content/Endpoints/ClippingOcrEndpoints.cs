using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Content.Endpoints;

/// <summary><c>POST /api/v1/items/{id}/ocr</c>: recognise a clipping's scans again (202; the text follows from the job).</summary>
internal static class ClippingOcrEndpoints
{
    public sealed record RecognitionQueued(Guid ItemId, int Scans, string Message);

    public static void MapClippingOcrEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/items/{id:guid}/ocr", RecognizeAsync)
            .RequireAuthorization(NewsroomPolicies.ApiStaff)
            .RequireItemSight(ItemSight.Published)
            .WithTags("Items")
            .WithSummary("Kenali ulang teks pindaian kliping (gambar, dan PDF per halaman); teksnya menggantikan teks kliping. 202, lalu teks terisi oleh pekerjaan latar.");
    }

    private static async Task<Results<Accepted<RecognitionQueued>, ProblemHttpResult>> RecognizeAsync(
        Guid id, HttpContext http, ClippingRecognition recognition, CancellationToken cancellationToken)
    {
        var outcome = await recognition.RequestAsync(id, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Accepted($"/api/v1/items/{id}", new RecognitionQueued(id, outcome.Value, "Teks pindaian sedang dikenali ulang."))
            : OutcomeResults.Problem(outcome);
    }
}
