using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Services;

internal sealed class PublicationQuery(PublishingDbContext db) : IPublicationQuery
{
    private static readonly string[] Order = [PublicationChannels.Website, PublicationChannels.Facebook, PublicationChannels.Instagram];

    public async Task<IReadOnlyList<PublicationView>> ListAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var rows = await db.Publications.AsNoTracking().Where(p => p.ItemId == itemId).ToListAsync(cancellationToken);
        var ids = rows.Select(p => p.Id).ToList();
        var attempts = (await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.PublicationId)).ToListAsync(cancellationToken))
            .OrderBy(a => a.Id)
            .ToLookup(a => a.PublicationId);
        return rows
            .OrderBy(p => p.Round)
            .ThenBy(p => Array.IndexOf(Order, p.Channel))
            .Select(p => new PublicationView(
                p.Id, p.Channel, p.Status, p.Attempts, p.RemoteId, p.Url, p.LastError, p.DueAt, p.CompletedAt, p.DryRunRequest, p.Round,
                attempts[p.Id].Select(a => new PublicationAttemptView(a.Number, a.StartedAt, a.FinishedAt, a.Outcome, a.Request, a.RemoteId, a.ErrorCode, a.Message)).ToList(),
                p.IsFinished ? null : p.NextAttemptAt,
                p.AttemptOpen && !p.IsFinished))
            .ToList();
    }
}
