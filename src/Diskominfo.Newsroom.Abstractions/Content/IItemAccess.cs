using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>
/// The one rule for who sees what of an item, asked by every door that shows an item or anything of it: the item
/// itself, its files, captions, history, archive sheet and search hits (Content module).
/// </summary>
public interface IItemAccess
{
    /// <summary>
    /// What <paramref name="actor"/> (null: an anonymous reader) may see of the item; <see cref="ItemSight.None"/> also
    /// when the item does not exist, so that a door answers the same 404 for both.
    /// </summary>
    Task<ItemSight> SightAsync(Guid itemId, Actor? actor, CancellationToken cancellationToken);
}

/// <summary>How much of an item someone may see.</summary>
public enum ItemSight
{
    /// <summary>Nothing: the item is another person's unpublished work (or does not exist).</summary>
    None = 0,

    /// <summary>Only what the public website shows: the published version, in the public shape.</summary>
    Published = 1,

    /// <summary>
    /// The work: every version, the history, files and records. Approvers, archivists, operators and admins for every
    /// item; a reporter for the items he owns or writes, and for those awaiting a step he may take as Plh/Plt.
    /// </summary>
    Work = 2,
}
