namespace Diskominfo.Newsroom.Abstractions.Publishing;

/// <summary>Reads the publication records of an item (Publishing module).</summary>
public interface IPublicationQuery
{
    /// <summary>Every publication of the item, by round (0: the first publication; then each correction) and channel.</summary>
    Task<IReadOnlyList<PublicationView>> ListAsync(Guid itemId, CancellationToken cancellationToken);
}

/// <summary>
/// One publication. <see cref="LookupFirst"/>: an earlier call may have made the post, so the next attempt asks Meta
/// first (status <c>unknown</c> while no lookup has answered); <see cref="NextAttemptAt"/>: when the job runs next.
/// </summary>
public sealed record PublicationView(
    Guid Id,
    string Channel,
    string Status,
    int Attempts,
    string? RemoteId,
    string? Url,
    string? LastError,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt,
    string? DryRunRequest,
    int Round = 0,
    IReadOnlyList<PublicationAttemptView>? AttemptLog = null,
    DateTimeOffset? NextAttemptAt = null,
    bool LookupFirst = false);

/// <summary>One attempt at a channel: when, what was sent, and how it ended (error code and Indonesian message).</summary>
public sealed record PublicationAttemptView(
    int Number,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Outcome,
    string? Request,
    string? RemoteId,
    string? ErrorCode,
    string? Message);
