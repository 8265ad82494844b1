using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Handlers;

/// <summary>
/// In the signature's own transaction: one publication record per channel. Clippings are archived, never posted.
/// </summary>
internal sealed class CreatePublicationsOnSignature(
    PublishingDbContext db, PublicationQueue queue, IEventPublisher events, TimeProvider clock) : IEventHandler<ItemSigned>
{
    public static IReadOnlyList<string> ChannelsFor(string contentType) => contentType switch
    {
        ContentTypes.Clipping => [],
        _ => [PublicationChannels.Website, PublicationChannels.Facebook, PublicationChannels.Instagram],
    };

    /// <summary>
    /// A correction edits what is out there: the website shows the new version with the note; the Facebook post is
    /// edited in place; an Instagram caption cannot be edited through the API, which the record says.
    /// </summary>
    private static void PrepareCorrection(List<Publication> publications, List<Publication> earlier, DateTimeOffset now)
    {
        foreach (var publication in publications)
        {
            var previous = earlier.Where(p => p.Channel == publication.Channel && p.Status == PublicationStatuses.Published && p.RemoteId is not null)
                .MaxBy(p => p.Round);
            switch (publication.Channel)
            {
                case PublicationChannels.Facebook when previous is not null:
                    publication.EditOf = previous.RemoteId;
                    break;
                case PublicationChannels.Facebook:
                    NotSupported(publication, "Tidak ada kiriman Facebook yang terbit untuk diralat; ralat hanya tampil di situs web.", now);
                    break;
                case PublicationChannels.Instagram:
                    NotSupported(publication, "Keterangan kiriman Instagram tidak dapat diubah melalui API Graph; ralat tampil di situs web dan Facebook.", now);
                    break;
            }
        }
    }

    private static void NotSupported(Publication publication, string reason, DateTimeOffset now)
    {
        publication.Status = PublicationStatuses.NotSupported;
        publication.LastError = reason;
        publication.CompletedAt = now;
        publication.NextAttemptAt = null;
    }

    public async Task HandleAsync(ItemSigned @event, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var channels = ChannelsFor(@event.ContentType);
        if (channels.Count == 0)
        {
            await events.PublishAsync(new ItemPublicationsCompleted(@event.ItemId, @event.ContentType, now), cancellationToken);
            return;
        }

        // Publish later: every channel waits for the time the Kadis (or the operator) set, and the article is dated then.
        var later = @event.PublishAt is { } publishAt && publishAt > now ? publishAt : (DateTimeOffset?)null;
        var earlier = await db.Publications.Where(p => p.ItemId == @event.ItemId).ToListAsync(cancellationToken);
        var round = earlier.Count == 0 ? 0 : earlier.Max(p => p.Round) + 1;
        var publications = channels.Select(channel => new Publication
        {
            Id = Guid.CreateVersion7(now),
            ItemId = @event.ItemId,
            VersionId = @event.VersionId,
            ContentType = @event.ContentType,
            Channel = channel,
            Round = round,
            CorrectionNote = @event.CorrectionNote,
            DueAt = later ?? @event.At,
            NextAttemptAt = later,
            CreatedAt = now,
        }).ToList();
        if (@event.IsCorrection)
        {
            PrepareCorrection(publications, earlier, now);
        }

        db.Publications.AddRange(publications);
        await db.SaveChangesAsync(cancellationToken);
        var website = publications.Single(p => p.Channel == PublicationChannels.Website).Id;
        await (later is null ? queue.EnqueueAsync(website, PublicationChannels.Website) : queue.ScheduleAsync(website, PublicationChannels.Website, later.Value - now));
    }
}
