namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>Puts a signed version live on the public website (Content module).</summary>
public interface IContentPublisher
{
    /// <summary>
    /// Makes <paramref name="versionId"/> the published version. Idempotent: publishing the version
    /// that is already live changes nothing. Returns the site-relative path of the article.
    /// </summary>
    Task<string> PublishAsync(Guid itemId, Guid versionId, DateTimeOffset publishedAt, CancellationToken cancellationToken);
}
