using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>Changes an item's working version on behalf of other modules (Content module).</summary>
public interface IContentEditor
{
    Task<Outcome> AttachPhotoAsync(Guid itemId, PhotoRef photo, Actor actor, CancellationToken cancellationToken);
}
