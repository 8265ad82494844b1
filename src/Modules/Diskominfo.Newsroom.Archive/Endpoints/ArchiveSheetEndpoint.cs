using Diskominfo.Newsroom.Abstractions.Comments;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Archive.Data;
using Diskominfo.Newsroom.Archive.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Archive.Endpoints;

internal static class ArchiveSheetEndpoint
{
    public const string Route = "/api/v1/items/{id:guid}/archive-sheet.pdf";

    public static string Path(Guid itemId, int? round = null) => $"/api/v1/items/{itemId}/archive-sheet.pdf{(round is { } r ? $"?ralat={r}" : "")}";

    public static void MapArchiveSheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, GetAsync).RequireAuthorization(NewsroomPolicies.Staff).RequireItemSight(ItemSight.Work).WithTags("Archive")
            .WithSummary("Lembar arsip (PDF) yang dapat dicetak: isi yang ditandatangani, berkas, jejak persetujuan dengan rantai hash, tautan publikasi. ?ralat=N untuk pengarsipan ralat.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, ArchiveDbContext db, IMediaLibrary media, IOptions<ArchiveOptions> options, ArchiveSheetVerifier verifier, ArchiveSheetRendering rendering,
        IItemComments comments, TimeProvider clock, CancellationToken cancellationToken, string? ralat = null)
    {
        int? round = null;
        if (!string.IsNullOrEmpty(ralat))
        {
            if (!int.TryParse(ralat, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r))
            {
                return OutcomeResults.Problem(Outcome.Invalid("ralat", "Nomor ralat harus bilangan 0 atau lebih."));
            }

            round = r;
        }

        var snapshots = db.Snapshots.AsNoTracking().Where(s => s.ItemId == id);
        var snapshot = round is { } wanted
            ? await snapshots.SingleOrDefaultAsync(s => s.Round == wanted, cancellationToken)
            : await snapshots.OrderByDescending(s => s.Round).FirstOrDefaultAsync(cancellationToken);
        if (snapshot is null)
        {
            return OutcomeResults.Problem(Outcome.NotFound(round is null
                ? "Naskah ini belum diarsipkan: lembar arsip dibuat saat pengarsipan."
                : $"Tidak ada pengarsipan ralat ke-{round} untuk naskah ini."));
        }

        var sheet = ArchiveSheet.FromJson(snapshot.Json);
        var images = new Dictionary<Guid, byte[]>();
        foreach (var file in sheet.Files.Where(f => f.IsImage).Take(12))
        {
            if (await media.GetRenditionAsync(file.MediaId, SocialRendition.Facebook, cancellationToken) is { } bytes)
            {
                images[file.MediaId] = bytes;
            }
        }

        // The verdict printed is worked out now, from the buku agenda and the seal, never the one stored at filing.
        var verdict = await verifier.VerifyAsync(id, snapshot, sheet, cancellationToken);
        var printedAt = clock.GetUtcNow();
        var thread = await comments.ListAsync(id, cancellationToken);
        var pdf = await rendering.RunAsync(() => ArchiveSheetPdf.Render(sheet, snapshot.Sha256, verdict, printedAt, options.Value, images, thread), cancellationToken);
        var name = $"lembar-arsip-{sheet.Number.Replace('/', '-')}{(snapshot.Round > 0 ? $"-ralat-{snapshot.Round}" : "")}.pdf";
        return TypedResults.File(pdf, "application/pdf", name);
    }
}
