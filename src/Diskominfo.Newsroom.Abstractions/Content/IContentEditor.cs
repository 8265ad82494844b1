using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>Changes an item's working version on behalf of other modules (Content module).</summary>
public interface IContentEditor
{
    Task<Outcome> AttachPhotoAsync(Guid itemId, PhotoRef photo, Actor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a press release draft owned by <paramref name="actor"/>, as the desk's "new item" would (the same checks,
    /// the same events): for a draft started from elsewhere, such as a coverage report. The new item's id, or the refusal.
    /// </summary>
    Task<Outcome<Guid>> CreatePressReleaseAsync(PressReleaseDraft draft, Actor actor, CancellationToken cancellationToken);
}

/// <summary>
/// The first text of a press release started from elsewhere. <paramref name="SectionId"/> is the seksi the item belongs
/// to (the author's own seksi wins when he has one, as on the desk).
/// </summary>
public sealed record PressReleaseDraft(
    string Title, string Lead, string Body, string Category, Guid? SectionId,
    DateOnly? EventDate = null, string? EventPlace = null, string? VideoUrl = null);
