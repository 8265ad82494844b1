using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Diskominfo.Newsroom.Publishing.Services;

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
        var publications = channels.Select(channel => new Publication
        {
            Id = Guid.CreateVersion7(now),
            ItemId = @event.ItemId,
            VersionId = @event.VersionId,
            ContentType = @event.ContentType,
            Channel = channel,
            DueAt = later ?? @event.At,
            NextAttemptAt = later,
            CreatedAt = now,
        }).ToList();
        db.Publications.AddRange(publications);
        await db.SaveChangesAsync(cancellationToken);
        var website = publications.Single(p => p.Channel == PublicationChannels.Website).Id;
        await (later is null ? queue.EnqueueAsync(website) : queue.ScheduleAsync(website, later.Value - now));
    }
}
