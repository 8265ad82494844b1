namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>Puts a signed version live on the public website (Content module).</summary>
public interface IContentPublisher
{
    /// <summary>
    /// Makes <paramref name="versionId"/> the published version. Idempotent: publishing the version
    /// that is already live changes nothing. Returns the site-relative path of the article. A correction
    /// keeps the first publication date and the slug, and adds a dated correction note.
    /// </summary>
    Task<string> PublishAsync(Guid itemId, Guid versionId, DateTimeOffset publishedAt, string? correctionNote, CancellationToken cancellationToken);
}
