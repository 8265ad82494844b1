using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Search.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>The changes after this node's cursor: how many, and how long the oldest has waited (one indexed query).</summary>
internal sealed class SearchIndexStatus(SearchDbContext db, SearchIndexer indexer) : ISearchIndexStatus
{
    public async Task<SearchIndexLag> GetLagAsync(CancellationToken cancellationToken)
    {
        var cursor = indexer.Cursor;
        var pending = await db.Changes.AsNoTracking()
            .Where(c => c.Id > cursor)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(c => c.At) })
            .SingleOrDefaultAsync(cancellationToken);

        // The change table's times are real UTC ticks (see RecordChanges), not the app's clock.
        var lag = pending is null ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, DateTime.UtcNow.Ticks - pending.Oldest));
        var status = indexer.Status;
        return new SearchIndexLag(status.Ready, status.Rebuilding, pending?.Count ?? 0, lag, status.LastError);
    }
}
