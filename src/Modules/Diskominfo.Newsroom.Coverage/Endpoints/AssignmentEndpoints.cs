using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Data;
using Diskominfo.Newsroom.Coverage.Models;
using Diskominfo.Newsroom.Coverage.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Diskominfo.Newsroom.Coverage.Endpoints;

/// <summary><c>/api/v1/assignments</c>: coverage assignments from disposition to the press release, and the monthly bulletin.</summary>
internal static class AssignmentEndpoints
{
    public const string Path = "/api/v1/assignments";

    /// <summary>Most a report may send at once besides its photos (the text and the fields).</summary>
    private const long FormOverhead = 1024 * 1024;

    public sealed record CreatedItem(Guid ItemId);

    public static string PhotoPath(Guid assignmentId, Guid photoId) => $"{Path}/{assignmentId}/photos/{photoId}";

    public static string BulletinPath(int year, int month) => $"{Path}/bulletin?month={year:D4}-{month:D2}";

    public static void MapAssignmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).WithTags("Coverage").RequireAuthorization(NewsroomPolicies.ApiStaff);
        group.MapGet("/", ListAsync)
            .WithSummary("Penugasan liputan yang boleh dilihat pengguna; ?status= satu status, ?mine=true hanya tugas sendiri.");
        group.MapPost("/", DispositionAsync)
            .WithSummary("Disposisi peliputan oleh Kadis/Kabid dari kegiatan di jadwal: {activityId, sectionId, note}.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("Satu penugasan: kegiatan, seksi, petugas, laporan, siaran pers dan statusnya, tenggat dan keterlambatan.");
        group.MapPost("/{id:guid}/assign", AssignAsync)
            .WithSummary("Kasi seksi menugaskan peliput dan fotografer: {reporterIds: [...], photographerId, note}.");
        var maxPhoto = endpoints.ServiceProvider.GetRequiredService<IFileInspector>().MaxBytes;
        var maxPhotos = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoverageOptions>>().Value.MaxPhotosPerReport;
        group.MapPost("/{id:guid}/report", ReportAsync)
            .RequireRateLimiting(MediaRateLimits.Upload)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute((maxPhoto * Math.Min(maxPhotos, 8)) + FormOverhead))
            .WithFormOptions(multipartBodyLengthLimit: maxPhoto, valueCountLimit: 16)
            .WithSummary("Petugas menyampaikan laporan liputan: multipart dengan text, videoUrl (https) dan berkas photos (beberapa).");
        group.MapPost("/{id:guid}/report/forward", (Guid id, NoteInput input, HttpContext http, AssignmentService service, AssignmentQueries queries, CancellationToken ct)
                => DecideAsync(service.ForwardAsync(id, input, Actor.FromPrincipal(http.User)!, ct), id, http, queries, ct))
            .WithSummary("Kasi meneruskan laporan kepada pimpinan yang mendisposisikan: {note}.");
        group.MapPost("/{id:guid}/report/approve", (Guid id, NoteInput input, HttpContext http, AssignmentService service, AssignmentQueries queries, CancellationToken ct)
                => DecideAsync(service.ApproveAsync(id, input, Actor.FromPrincipal(http.User)!, ct), id, http, queries, ct))
            .WithSummary("Pimpinan yang mendisposisikan mengesahkan laporan: {note}.");
        group.MapPost("/{id:guid}/report/return", (Guid id, NoteInput input, HttpContext http, AssignmentService service, AssignmentQueries queries, CancellationToken ct)
                => DecideAsync(service.ReturnAsync(id, input, Actor.FromPrincipal(http.User)!, ct), id, http, queries, ct))
            .WithSummary("Kasi (saat memeriksa) atau pimpinan (saat mengesahkan) mengembalikan laporan kepada petugas: {note} wajib.");
        group.MapPost("/{id:guid}/press-release", PressReleaseAsync)
            .WithSummary("Petugas membuat draf siaran pers dari laporan: {photoIds: [...], category}; 201 {itemId}.");
        group.MapGet("/bulletin", BulletinAsync)
            .WithSummary("Buletin bulanan (PDF): laporan liputan yang disahkan dan siaran pers yang terbit pada ?month=tttt-bb, dengan foto.");
        endpoints.MapGet(Path + "/{id:guid}/photos/{photoId:guid}", PhotoAsync)
            .RequireAuthorization(NewsroomPolicies.Staff).WithTags("Coverage")
            .WithSummary("Foto laporan liputan (berkas asli), untuk yang boleh melihat penugasannya.");
    }

    private static async Task<Results<Ok<IReadOnlyList<AssignmentView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, AssignmentQueries queries, CancellationToken cancellationToken, string? status = null, bool? mine = null)
    {
        var outcome = await queries.ListAsync(Actor.FromPrincipal(http.User)!, status, mine == true, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Created<AssignmentView>, ProblemHttpResult>> DispositionAsync(
        DispositionInput input, HttpContext http, AssignmentService service, AssignmentQueries queries, CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(http.User)!;
        var outcome = await service.DispositionAsync(input, actor, cancellationToken);
        if (!outcome.Succeeded)
        {
            return OutcomeResults.Problem(outcome);
        }

        var view = await queries.GetAsync(outcome.Value, actor, cancellationToken);
        return TypedResults.Created($"{Path}/{outcome.Value}", view.Value!);
    }

    private static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, AssignmentQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> AssignAsync(
        Guid id, AssignInput input, HttpContext http, AssignmentService service, AssignmentQueries queries, CancellationToken cancellationToken)
        => await DecideAsync(service.AssignAsync(id, input, Actor.FromPrincipal(http.User)!, cancellationToken), id, http, queries, cancellationToken);

    private static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> ReportAsync(
        Guid id, HttpRequest request, AssignmentService service, AssignmentQueries queries, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Jenis konten tidak didukung",
                detail: "Kirim laporan sebagai multipart/form-data dengan field text, videoUrl dan berkas photos.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var photos = new List<UploadedPhoto>();
        foreach (var file in form.Files.Where(f => f.Name is "photos" or "photo"))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            photos.Add(new UploadedPhoto(file.FileName, buffer.ToArray()));
        }

        var outcome = await service.FileReportAsync(id, new ReportInput(form["text"], form["videoUrl"], photos), Actor.FromPrincipal(request.HttpContext.User)!, cancellationToken);
        return await DecideAsync(Task.FromResult(outcome), id, request.HttpContext, queries, cancellationToken);
    }

    private static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> DecideAsync(
        Task<Outcome> decision, Guid id, HttpContext http, AssignmentQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await decision;
        if (!outcome.Succeeded)
        {
            return OutcomeResults.Problem(outcome);
        }

        var view = await queries.GetAsync(id, Actor.FromPrincipal(http.User)!, cancellationToken);
        return view.Succeeded ? TypedResults.Ok(view.Value!) : OutcomeResults.Problem(view);
    }

    private static async Task<Results<Created<CreatedItem>, ProblemHttpResult>> PressReleaseAsync(
        Guid id, PressReleaseInput input, HttpContext http, AssignmentService service, CancellationToken cancellationToken)
    {
        var outcome = await service.CreatePressReleaseAsync(id, input, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/items/{outcome.Value}", new CreatedItem(outcome.Value))
            : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BulletinAsync(
        HttpContext http, BulletinBuilder bulletins, CancellationToken cancellationToken, string? month = null)
    {
        if (!BulletinBuilder.MayPrint(Actor.FromPrincipal(http.User)!))
        {
            return OutcomeResults.Problem(Outcome.Forbidden("Buletin dicetak oleh Kasi, Kabid, Kadis dan arsiparis."));
        }

        var parsed = BulletinBuilder.ParseMonth(month, "month");
        if (!parsed.Succeeded)
        {
            return OutcomeResults.Problem(parsed);
        }

        var (year, number) = parsed.Value;
        var pdf = await bulletins.BuildAsync(year, number, cancellationToken);
        return TypedResults.File(pdf, "application/pdf", BulletinBuilder.FileName(year, number));
    }

    private static async Task<IResult> PhotoAsync(
        Guid id, Guid photoId, HttpContext http, CoverageDbContext db, ReportPhotoStore store, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.AsNoTracking().Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var photo = assignment is null ? null : await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.AssignmentId == id, cancellationToken);
        if (photo is null || !AssignmentService.MaySee(Actor.FromPrincipal(http.User)!, assignment!))
        {
            return OutcomeResults.Problem(Outcome.NotFound("Foto tidak ditemukan."));
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        return await store.Store.FileResultAsync(ReportPhotoStore.Key(photo.StoragePath), photo.ContentType, null, new EntityTagHeaderValue($"\"{photo.Sha256}\""), cancellationToken)
            ?? OutcomeResults.Problem(Outcome.NotFound("Foto tidak ditemukan."));
    }
}
