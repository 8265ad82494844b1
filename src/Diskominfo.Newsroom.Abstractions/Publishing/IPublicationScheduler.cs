using Diskominfo.Newsroom.Abstractions.Results;

namespace Diskominfo.Newsroom.Abstractions.Publishing;

/// <summary>Moves the publication time of a signed item whose publications have not started (Publishing module).</summary>
public interface IPublicationScheduler
{
    /// <summary>Null publishes now. Refused (409) once any channel has started or finished.</summary>
    Task<Outcome> RescheduleAsync(Guid itemId, DateTimeOffset? publishAt, CancellationToken cancellationToken);
}
