namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>
/// A new content item was created by its owner. <paramref name="OrderNote"/> is set when the item is an order (the
/// Kadis ordering an adventorial): it then waits for the Kabid to assign a Kasi as PPTK. <paramref name="SectionId"/>
/// is the seksi the item belongs to (its author's, or the one chosen), null when the office has none set up.
/// </summary>
public sealed record ItemCreated(
    Guid ItemId, string ContentType, string OwnerId, string OwnerName, string ContentHash, DateTimeOffset At, string? OrderNote = null,
    Guid? SectionId = null)
{
    public bool IsOrder => OrderNote is not null;
}

/// <summary>The working version of an item changed (text, fields or photos).</summary>
public sealed record ItemContentChanged(
    Guid ItemId, Guid VersionId, string ContentHash, string ActorId, string ActorName, IReadOnlyCollection<string> ActorRoles, DateTimeOffset At);
