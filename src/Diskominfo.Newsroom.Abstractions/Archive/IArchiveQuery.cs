namespace Diskominfo.Newsroom.Abstractions.Archive;

/// <summary>Reads archive records (Archive module).</summary>
public interface IArchiveQuery
{
    Task<ArchiveView?> GetAsync(Guid itemId, CancellationToken cancellationToken);
}

public sealed record ArchiveView(string Number, string Classification, DateTimeOffset ArchivedAt);
