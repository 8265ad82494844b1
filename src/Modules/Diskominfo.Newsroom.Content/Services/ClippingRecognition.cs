using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// Runs text recognition again on a clipping's scans (images, and PDFs page by page), asked from the desk or the API by
/// someone who may change the clipping now: a job on the <c>ocr</c> queue puts the text of all its scans, in order, in
/// place of the clipping's text (a new version once the clipping is sealed, so what was there stays in its history).
/// </summary>
internal sealed class ClippingRecognition(ContentDbContext db, IEditGate editGate, ITextRecognizer recognizer, IBackgroundJobClient jobs)
{
    public async Task<Outcome<int>> RequestAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return Outcome<int>.From(Outcome.NotFound("Naskah tidak ditemukan."));
        }

        var gate = await editGate.CanEditAsync(itemId, actor, cancellationToken);
        if (!gate.Succeeded)
        {
            return Outcome<int>.From(gate);
        }

        if (item.ContentType != ContentTypes.Clipping)
        {
            return Outcome<int>.From(Outcome.Conflict("Pengenalan teks hanya untuk kliping."));
        }

        var latest = await db.Versions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId, cancellationToken);
        var scans = latest.Parts.Photos.Count(p => p.IsImage || p.ContentType == PhotoRef.Pdf);
        if (scans == 0)
        {
            return Outcome<int>.From(Outcome.Conflict("Kliping ini belum berpindaian; lampirkan pindaiannya (gambar atau PDF) terlebih dahulu."));
        }

        if (!recognizer.IsAvailable)
        {
            return Outcome<int>.From(Outcome.Conflict("Pengenalan teks (tesseract dengan bahasa Indonesia) belum terpasang di server ini; ketik atau tempel teksnya."));
        }

        jobs.Enqueue<ClippingOcrJob>(job => job.RerunAsync(itemId, actor.UserId, actor.UserName, actor.DisplayName, actor.Roles.ToArray(), CancellationToken.None));
        return Outcome<int>.Ok(scans);
    }
}
