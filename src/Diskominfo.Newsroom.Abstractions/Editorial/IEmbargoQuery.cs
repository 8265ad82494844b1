namespace Diskominfo.Newsroom.Abstractions.Editorial;

/// <summary>
/// An item's embargo (Editorial module): the instant before which nothing of it publishes on any channel. The
/// Publishing module never schedules an item's publications earlier.
/// </summary>
public interface IEmbargoQuery
{
    /// <summary>The item's "not before" instant, or null when it carries no embargo.</summary>
    Task<DateTimeOffset?> NotBeforeAsync(Guid itemId, CancellationToken cancellationToken);
}
