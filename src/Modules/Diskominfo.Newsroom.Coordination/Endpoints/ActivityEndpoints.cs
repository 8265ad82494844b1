using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coordination.Models;
using Diskominfo.Newsroom.Coordination.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Coordination.Endpoints;

/// <summary><c>/api/v1/activities</c>: invitations and the activity schedule; every member of staff registers and reads, the posts act.</summary>
internal static class ActivityEndpoints
{
    public sealed record NoteRequest(string? Note);

    public static void MapActivityEndpoints(this IEndpointRouteBuilder endpoints, long maxLetterBytes)
    {
        var activities = endpoints.MapGroup(CoordinationPaths.Api).WithTags("Activities").RequireAuthorization(NewsroomPolicies.ApiStaff);
        activities.MapGet("/", ListAsync)
            .WithSummary("Undangan/kegiatan, urut waktu mulai: ?status= (registered|proposed|initialled|approved|declined|filed), ?from=&to= (tanggal WIB TTTT-BB-HH, keduanya termasuk, atau waktu ISO).");
        activities.MapPost("/", RegisterAsync)
            .RequireRateLimiting(MediaRateLimits.Upload)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxLetterBytes + (1024 * 1024)))
            .WithFormOptions(multipartBodyLengthLimit: maxLetterBytes, valueCountLimit: 32)
            .WithSummary("Mencatat undangan di buku agenda (multipart): title, organizer, place, start, end (WIB), contact, letterNumber, letterDate, sectionId, receivedAt, berkas letter (PDF atau foto).");
        activities.MapGet("/{id:guid}", GetAsync)
            .WithSummary("Satu kegiatan dengan jejak langkahnya dan langkah yang boleh diambil pemanggil (actions).");
        activities.MapGet("/{id:guid}/letter", LetterAsync)
            .WithSummary("Pindaian surat undangan, sebagai unduhan.");
        foreach (var action in ActivityAction.Names)
        {
            activities.MapPost($"/{{id:guid}}/{action}", (Guid id, NoteRequest? request, HttpContext http, ActivityChain chain, ActivityQueries queries, CancellationToken ct)
                    => ActAsync(id, action, request, http, chain, queries, ct))
                .WithSummary(Summary(action));
        }
    }

    private static string Summary(string action) => action switch
    {
        ActivityAction.Propose => "Kasi: mengusulkan ke jadwal kegiatan {note?}.",
        ActivityAction.Initial => "Kabid: memaraf {note?}.",
        ActivityAction.Approve => "Kadis: menyetujui, masuk jadwal kegiatan {note?}.",
        ActivityAction.Decline => "Kadis: menolak {note} (wajib).",
        ActivityAction.Return => "Kabid mengembalikan ke Kasi, Kadis ke Kabid {note} (wajib).",
        _ => "Arsiparis: mengarsipkan kegiatan yang disetujui setelah berlangsung {note?}.",
    };

    private static async Task<Results<Ok<IReadOnlyList<ActivityView>>, ProblemHttpResult>> ListAsync(
        string? status, string? from, string? to, HttpContext http, ActivityQueries queries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !ActivityStatusLabels.All.Contains(status))
        {
            errors["status"] = [$"Status '{status}' tidak dikenal; pilih {string.Join(", ", ActivityStatusLabels.All)}."];
        }

        var since = WibInput.Bound(from, endOfDay: false);
        var until = WibInput.Bound(to, endOfDay: true);
        if (!string.IsNullOrWhiteSpace(from) && since is null)
        {
            errors["from"] = [$"Tanggal '{from}' tidak dikenali; gunakan TTTT-BB-HH."];
        }

        if (!string.IsNullOrWhiteSpace(to) && until is null)
        {
            errors["to"] = [$"Tanggal '{to}' tidak dikenali; gunakan TTTT-BB-HH."];
        }

        if (errors.Count > 0)
        {
            return OutcomeResults.Problem(Outcome.Invalid(errors));
        }

        return TypedResults.Ok(await queries.ListAsync(new ActivityFilter(status, since, until), Actor.FromPrincipal(http.User)!, cancellationToken));
    }

    private static async Task<Results<Created<ActivityView>, ProblemHttpResult>> RegisterAsync(
        HttpRequest request, ActivityRegistration registration, ActivityQueries queries, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Jenis konten tidak didukung",
                detail: "Kirim undangan sebagai multipart/form-data dengan pindaian surat pada field 'letter'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("letter");
        byte[]? bytes = null;
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        var actor = Actor.FromPrincipal(request.HttpContext.User)!;
        var outcome = await registration.RegisterAsync(
            new RegisterActivityInput(
                form["title"], form["organizer"], form["place"], form["start"], form["end"], form["contact"], form["letterNumber"], form["letterDate"],
                form["sectionId"], form["receivedAt"], bytes, file?.FileName),
            actor, cancellationToken);
        if (!outcome.Succeeded)
        {
            return OutcomeResults.Problem(outcome);
        }

        var view = await queries.GetAsync(outcome.Value!.Id, actor, cancellationToken);
        return TypedResults.Created(CoordinationPaths.ApiItem(outcome.Value.Id), view!);
    }

    private static async Task<Results<Ok<ActivityView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, ActivityQueries queries, CancellationToken cancellationToken)
        => await queries.GetAsync(id, Actor.FromPrincipal(http.User)!, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : OutcomeResults.Problem(Outcome.NotFound("Kegiatan tidak ditemukan."));

    private static async Task<IResult> LetterAsync(Guid id, HttpContext http, ActivityQueries queries, LetterStore letters, CancellationToken cancellationToken)
        => await LetterDownload.FindAsync(id, http.Response, queries, letters, cancellationToken) is { } letter
            ? TypedResults.PhysicalFile(letter.Path, letter.ContentType, letter.FileName, entityTag: letter.ETag, enableRangeProcessing: true)
            : OutcomeResults.Problem(Outcome.NotFound(LetterDownload.NotFoundMessage));

    private static async Task<Results<Ok<ActivityView>, ProblemHttpResult>> ActAsync(
        Guid id, string action, NoteRequest? request, HttpContext http, ActivityChain chain, ActivityQueries queries, CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(http.User)!;
        var outcome = await chain.TakeAsync(id, action, request?.Note, actor, cancellationToken);
        if (!outcome.Succeeded)
        {
            return OutcomeResults.Problem(outcome);
        }

        var view = await queries.GetAsync(id, actor, cancellationToken);
        return TypedResults.Ok(view!);
    }
}
