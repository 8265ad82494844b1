using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>The channels a signature will create publications for, as far as they will be sent to Meta (see <see cref="IPublicationTargets"/>).</summary>
internal sealed class PublicationTargets(PublishingDbContext db) : IPublicationTargets
{
    public async Task<IReadOnlyList<string>> ChannelsAsync(string contentType, bool correction, CancellationToken cancellationToken)
    {
        var channels = CreatePublicationsOnSignature.ChannelsFor(contentType);
        if (channels.Count == 0)
        {
            return [];
        }

        var connected = await db.Channels.AsNoTracking().Select(c => c.Channel).ToListAsync(cancellationToken);
        return [.. channels.Where(c => c == PublicationChannels.Website
                                      || (connected.Contains(c) && !(correction && c == PublicationChannels.Instagram)))];
    }
}
