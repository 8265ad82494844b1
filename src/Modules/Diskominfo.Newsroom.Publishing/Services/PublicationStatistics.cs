using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>Publications per channel and status: one grouped query over the publication table.</summary>
internal sealed class PublicationStatistics(PublishingDbContext db) : IPublicationStatistics
{
    public async Task<IReadOnlyList<PublicationCount>> CountAsync(CancellationToken cancellationToken)
        => await db.Publications.AsNoTracking()
            .GroupBy(p => new { p.Channel, p.Status })
            .Select(g => new PublicationCount(g.Key.Channel, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);
}
