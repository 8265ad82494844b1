namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>The link between a press release and the assignment it was started from (for the item page's panel).</summary>
public interface IAssignmentLinks
{
    /// <summary>The title of the assignment's activity and the assignment's desk page, or null when the item has none.</summary>
    Task<(string Title, string Url)?> FindAsync(Guid itemId, CancellationToken cancellationToken);
}
