using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>
/// Changes the photos of an item's working version (order, the lead, captions and credits, removal) as an edit by
/// <paramref name="actor"/> under the same gate as any edit: a new version once the copy was seen, an
/// <see cref="Events.ItemContentChanged"/> for the history (Content module).
/// </summary>
public interface IItemPhotoEditor
{
    /// <summary>
    /// Applies <paramref name="change"/> to the working version's photos (the first is the lead) and saves the result;
    /// the change's refusal, or the edit gate's, is returned and nothing is saved.
    /// </summary>
    Task<Outcome<IReadOnlyList<PhotoRef>>> ChangePhotosAsync(
        Guid itemId, Func<IReadOnlyList<PhotoRef>, Outcome<IReadOnlyList<PhotoRef>>> change, Actor actor, CancellationToken cancellationToken);
}
