using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// The operator's hand on a publication: send a failed (or held, or dry-run) one again now, or check now at Meta one whose
/// outcome is unknown (a retry always looks first when an earlier call may have made the post), cancel one that should
/// not go out, or record one as published that the operator found on the channel by hand. Each is written to the audit
/// log in the same transaction.
/// </summary>
internal sealed class PublicationControl(
    PublishingDbContext db, NewsroomDatabase database, PublicationQueue queue, IEventPublisher events, IContentCatalog content, TimeProvider clock)
{
    public static bool MayControl(Actor actor) => actor.IsInRole(NewsroomRoles.Operator) || actor.IsInRole(NewsroomRoles.Admin);

    public Task<Outcome> RetryAsync(Guid publicationId, Actor actor, CancellationToken cancellationToken)
        => UnderItemLockAsync(publicationId, actor, async (publication, now, ct) =>
        {
            if (publication.LeaseUntil > now)
            {
                return Outcome.Conflict("Publikasi ini sedang dikerjakan; tunggu hasilnya sebelum mencoba lagi.");
            }

            if (publication.Status is PublicationStatuses.Published or PublicationStatuses.NotSupported)
            {
                return Outcome.Conflict(publication.Status == PublicationStatuses.Published
                    ? "Publikasi ini sudah terbit; mengirim lagi akan menggandakannya."
                    : "Kanal ini tidak dapat melakukannya; mencoba lagi tidak mengubah hasilnya.");
            }

            var before = AuditValues(publication);
            var unknown = publication.Status == PublicationStatuses.Unknown;

            // Whatever happened since the last attempt (another operator, a restore), a social post that was ever tried is
            // looked up at Meta before it is sent again: a lookup costs one read, a duplicate cannot be taken back.
            publication.AttemptOpen |= publication.Channel != PublicationChannels.Website && publication.Attempts > 0;
            publication.Status = unknown ? PublicationStatuses.Unknown : PublicationStatuses.Pending;
            publication.Attempts = 0;
            publication.LookupFailures = 0;
            publication.NextAttemptAt = null;
            publication.CompletedAt = null;
            publication.DryRunRequest = null;
            publication.LastError = unknown
                ? $"Diperiksa sekarang di Meta atas permintaan {actor.DisplayName} ({Abstractions.Text.IndonesianTime.Short(now)})."
                : $"Dicoba lagi oleh {actor.DisplayName} ({Abstractions.Text.IndonesianTime.Short(now)}).";
            await db.SaveChangesAsync(ct);
            await queue.EnqueueAsync(publication.Id, publication.Channel);
            await AuditAsync(AuditActions.PublicationRetried, publication, actor, now, before, unknown ? "diperiksa sekarang di Meta" : "dikirim ulang", ct);
            return Outcome.Ok();
        }, cancellationToken);

    public Task<Outcome> CancelAsync(Guid publicationId, Actor actor, CancellationToken cancellationToken)
        => UnderItemLockAsync(publicationId, actor, async (publication, now, ct) =>
        {
            if (publication.Channel == PublicationChannels.Website)
            {
                return Outcome.Conflict("Publikasi ke situs web tidak dapat dibatalkan di sini; atur waktu terbitnya, atau ajukan ralat.");
            }

            if (publication.LeaseUntil > now)
            {
                return Outcome.Conflict("Publikasi ini sedang dikerjakan dan tidak dapat dibatalkan saat ini; coba lagi sebentar lagi.");
            }

            if (!PublicationStatuses.IsOpen(publication.Status) && publication.Status != PublicationStatuses.Failed)
            {
                return Outcome.Conflict(publication.Status == PublicationStatuses.Published
                    ? "Publikasi ini sudah terbit; hapus kirimannya langsung di kanal bila perlu."
                    : "Publikasi ini sudah selesai.");
            }

            var before = AuditValues(publication);
            var mayExist = publication.AttemptOpen;
            publication.Status = PublicationStatuses.Cancelled;
            publication.NextAttemptAt = null;
            publication.CompletedAt = now;
            publication.LastError = $"Dibatalkan oleh {actor.DisplayName} ({Abstractions.Text.IndonesianTime.Short(now)})."
                                    + (mayExist ? $" Meta belum memastikan apakah kirimannya sudah dibuat: periksa langsung di {PublicationChannels.Label(publication.Channel)}." : "");
            await db.SaveChangesAsync(ct);
            await AuditAsync(AuditActions.PublicationCancelled, publication, actor, now, before, "dibatalkan", ct);
            await FinishedAsync(publication, null, now, ct);
            return Outcome.Ok();
        }, cancellationToken);

    /// <summary>
    /// The operator found the post on the channel by hand (Meta's lookups did not answer, or the post was made outside the
    /// Newsroom): the publication is recorded as published with its address or id, and nothing more is sent.
    /// </summary>
    public Task<Outcome> MarkPublishedAsync(Guid publicationId, string? reference, Actor actor, CancellationToken cancellationToken)
        => UnderItemLockAsync(publicationId, actor, async (publication, now, ct) =>
        {
            var parsed = PostReference.Parse(reference);
            if (parsed.Error is not null)
            {
                return Invalid(parsed.Error);
            }

            if (publication.Channel == PublicationChannels.Website)
            {
                return Outcome.Conflict("Publikasi ke situs web diterbitkan oleh Newsroom sendiri; tidak dapat ditandai secara manual.");
            }

            if (publication.LeaseUntil > now)
            {
                return Outcome.Conflict("Publikasi ini sedang dikerjakan; tunggu hasilnya sebelum menandainya.");
            }

            if (!PublicationStatuses.IsOpen(publication.Status) && publication.Status != PublicationStatuses.Failed)
            {
                return Outcome.Conflict(publication.Status == PublicationStatuses.Published
                    ? "Publikasi ini sudah tercatat terbit."
                    : "Publikasi ini sudah selesai.");
            }

            if (parsed.Url is { } url && !PostReference.BelongsTo(publication.Channel, url))
            {
                return Invalid($"Alamat itu bukan alamat kiriman {PublicationChannels.Label(publication.Channel)} (https://www.{(publication.Channel == PublicationChannels.Facebook ? "facebook" : "instagram")}.com/...).");
            }

            var before = AuditValues(publication);
            publication.Status = PublicationStatuses.Published;
            publication.RemoteId = parsed.RemoteId ?? publication.RemoteId;
            publication.Url = parsed.Url ?? publication.Url;
            publication.AttemptOpen = false;
            publication.LookupFailures = 0;
            publication.NextAttemptAt = null;
            publication.CompletedAt = now;
            publication.LastError = $"Ditandai sudah terbit oleh {actor.DisplayName} ({Abstractions.Text.IndonesianTime.Short(now)}) setelah diperiksa langsung di kanal.";
            await db.SaveChangesAsync(ct);
            var values = AuditValues(publication);
            values["remoteId"] = publication.RemoteId;
            values["url"] = publication.Url;
            await AuditAsync(AuditActions.PublicationMarkedPublished, publication, actor, now, before, "ditandai sudah terbit (diperiksa langsung di kanal)", ct, values);
            await FinishedAsync(publication, publication.Url, now, ct);
            return Outcome.Ok();
        }, cancellationToken);

    private static Outcome Invalid(string error) => Outcome.Invalid(new Dictionary<string, string[]> { ["reference"] = [error] }, error);

    /// <summary>The publication finished by the operator's hand: said to the other modules, and the item completed if it was the last.</summary>
    private async Task FinishedAsync(Models.Publication publication, string? url, DateTimeOffset now, CancellationToken ct)
    {
        await events.PublishAsync(new PublicationFinished(publication.ItemId, publication.Channel, publication.Status, url, now), ct);
        var open = await db.Publications.AnyAsync(p => p.ItemId == publication.ItemId && p.Round == publication.Round
                                                       && (p.Status == PublicationStatuses.Pending || p.Status == PublicationStatuses.Held || p.Status == PublicationStatuses.Unknown), ct);
        if (!open)
        {
            await events.PublishAsync(new ItemPublicationsCompleted(publication.ItemId, publication.ContentType, now), ct);
        }
    }

    /// <summary>The operator's check, then the publication loaded under its item's lock (the lock its jobs take), in one transaction.</summary>
    private Task<Outcome> UnderItemLockAsync(
        Guid publicationId, Actor actor, Func<Models.Publication, DateTimeOffset, CancellationToken, Task<Outcome>> work, CancellationToken cancellationToken)
        => database.InTransactionAsync(async ct =>
        {
            if (!MayControl(actor))
            {
                return Outcome.Forbidden("Hanya operator website atau admin yang dapat mengulang, membatalkan, atau menandai publikasi.");
            }

            await database.LockAsync($"publishing-item:{await ItemOfAsync(publicationId, ct)}", ct);
            var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == publicationId, ct);
            return publication is null
                ? Outcome.NotFound("Publikasi tidak ditemukan.")
                : await work(publication, clock.GetUtcNow(), ct);
        }, cancellationToken);

    private async Task AuditAsync(
        string action, Models.Publication publication, Actor actor, DateTimeOffset now, Dictionary<string, string?> before, string what, CancellationToken ct,
        Dictionary<string, string?>? after = null)
    {
        var title = (await content.GetVersionAsync(publication.ItemId, publication.VersionId, ct))?.Title;
        var round = publication.Round > 0 ? $" (ralat ke-{publication.Round})" : "";
        await events.PublishAsync(new AuditEvent(
            action, actor.UserId, actor.DisplayName, "publication", publication.Id.ToString(),
            $"Publikasi {PublicationChannels.Label(publication.Channel)}{round} untuk “{title ?? publication.ItemId.ToString()}” {what}.",
            now, before, after ?? AuditValues(publication)), ct);
    }

    private static Dictionary<string, string?> AuditValues(Models.Publication publication) => new()
    {
        ["itemId"] = publication.ItemId.ToString(),
        ["channel"] = publication.Channel,
        ["status"] = publication.Status,
        ["attempts"] = publication.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<Guid> ItemOfAsync(Guid publicationId, CancellationToken ct)
        => await db.Publications.AsNoTracking().Where(p => p.Id == publicationId).Select(p => p.ItemId).SingleOrDefaultAsync(ct);
}
