namespace Diskominfo.Newsroom.Abstractions.Search;

/// <summary>How far this node's search index is behind the database (Search module), for health checks and metrics.</summary>
public interface ISearchIndexStatus
{
    Task<SearchIndexLag> GetLagAsync(CancellationToken cancellationToken);
}

/// <summary>
/// <paramref name="Ready"/>: the index has caught up once since start. <paramref name="PendingChanges"/>: committed
/// changes not yet in the index; <paramref name="Lag"/>: the age of the oldest of them (zero when none).
/// <paramref name="LastError"/>: the indexer's last failure, while it retries.
/// </summary>
public sealed record SearchIndexLag(bool Ready, bool Rebuilding, int PendingChanges, TimeSpan Lag, string? LastError);
