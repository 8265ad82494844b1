namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>A new content item was created by its owner.</summary>
public sealed record ItemCreated(Guid ItemId, string ContentType, string OwnerId, string OwnerName, string ContentHash, DateTimeOffset At);

/// <summary>The working version of an item changed (text, fields or photos).</summary>
public sealed record ItemContentChanged(
    Guid ItemId, Guid VersionId, string ContentHash, string ActorId, string ActorName, IReadOnlyCollection<string> ActorRoles, DateTimeOffset At);
