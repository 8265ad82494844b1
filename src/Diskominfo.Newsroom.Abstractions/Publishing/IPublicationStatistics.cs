namespace Diskominfo.Newsroom.Abstractions.Publishing;

/// <summary>Counts of the publication records (Publishing module), for metrics and the status page.</summary>
public interface IPublicationStatistics
{
    /// <summary>How many publications each channel has in each status (<see cref="PublicationStatuses"/>); absent pairs are zero.</summary>
    Task<IReadOnlyList<PublicationCount>> CountAsync(CancellationToken cancellationToken);
}

public sealed record PublicationCount(string Channel, string Status, int Count);
