namespace Diskominfo.Newsroom.Infrastructure.Nodes;

/// <summary>
/// A lock held across every node of the site (a PostgreSQL advisory lock), or within the process on SQLite (one node):
/// for work that must not be done twice at once anywhere, such as making one rendition of a photo.
/// </summary>
public interface INodeLocks
{
    /// <summary>Waits for the lock named <paramref name="name"/>; disposing the result releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);
}
