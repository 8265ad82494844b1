namespace Diskominfo.Newsroom.Abstractions.Archive;

/// <summary>Reads archive records (Archive module).</summary>
public interface IArchiveQuery
{
    Task<ArchiveView?> GetAsync(Guid itemId, CancellationToken cancellationToken);

    /// <summary>The records of the given items that are archived.</summary>
    Task<IReadOnlyDictionary<Guid, ArchiveView>> GetManyAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);
}

public sealed record ArchiveView(string Number, string Classification, DateTimeOffset ArchivedAt);
