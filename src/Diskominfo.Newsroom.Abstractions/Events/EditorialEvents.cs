namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>The item was submitted to the approval chain; its version must no longer change in place.</summary>
public sealed record ItemSubmitted(Guid ItemId, Guid VersionId, DateTimeOffset At);

/// <summary>The last approver (the Kadis) signed the item: it may now be published, at <paramref name="PublishAt"/> if set.</summary>
public sealed record ItemSigned(
    Guid ItemId, string ContentType, Guid VersionId, string ContentHash, string SignedBy, DateTimeOffset At, DateTimeOffset? PublishAt = null);
