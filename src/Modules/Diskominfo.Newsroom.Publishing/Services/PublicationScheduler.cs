using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// Moves a signed item's publications to a new time while none of them has started; never before the item's embargo,
/// whoever asks.
/// </summary>
internal sealed class PublicationScheduler(
    PublishingDbContext db, NewsroomDatabase database, PublicationQueue queue, IEmbargoQuery embargo, TimeProvider clock)
    : IPublicationScheduler
{
    public async Task<Outcome> RescheduleAsync(Guid itemId, DateTimeOffset? publishAt, CancellationToken cancellationToken)
    {
        await database.LockAsync($"publishing-item:{itemId}", cancellationToken);
        var now = clock.GetUtcNow();
        if (await embargo.NotBeforeAsync(itemId, cancellationToken) is { } notBefore && notBefore > now && (publishAt is null || publishAt < notBefore))
        {
            publishAt = notBefore;
        }

        var all = await db.Publications.Where(p => p.ItemId == itemId).ToListAsync(cancellationToken);
        var round = all.Count == 0 ? 0 : all.Max(p => p.Round);
        var publications = all.Where(p => p.Round == round).ToList();
        if (publications.Any(p => p.Attempts > 0 || p.Status != PublicationStatuses.Pending || p.LeaseUntil > now))
        {
            return Outcome.Conflict("Penerbitan naskah ini sudah berjalan; waktu terbitnya tidak dapat diubah lagi.");
        }

        foreach (var publication in publications)
        {
            publication.DueAt = publishAt ?? now;
            publication.NextAttemptAt = publishAt;
        }

        await db.SaveChangesAsync(cancellationToken);
        var website = publications.SingleOrDefault(p => p.Channel == PublicationChannels.Website);
        if (website is not null)
        {
            await (publishAt is null ? queue.EnqueueAsync(website.Id, website.Channel) : queue.ScheduleAsync(website.Id, website.Channel, publishAt.Value - now));
        }

        return Outcome.Ok();
    }
}
