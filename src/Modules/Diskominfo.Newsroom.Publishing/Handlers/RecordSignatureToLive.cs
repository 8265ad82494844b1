using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Handlers;

/// <summary>A publication went live: its time since it was due goes into <see cref="PublishingMetrics"/>.</summary>
internal sealed class RecordSignatureToLive(PublishingDbContext db, PublishingMetrics metrics) : IEventHandler<PublicationFinished>
{
    public async Task HandleAsync(PublicationFinished @event, CancellationToken cancellationToken)
    {
        if (@event.Status != PublicationStatuses.Published)
        {
            return;
        }

        var dueAt = await db.Publications.AsNoTracking()
            .Where(p => p.ItemId == @event.ItemId && p.Channel == @event.Channel && p.Status == PublicationStatuses.Published)
            .OrderByDescending(p => p.Round)
            .Select(p => (DateTimeOffset?)p.DueAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (dueAt is { } due)
        {
            metrics.RecordLive(@event.Channel, @event.At - due);
        }
    }
}
