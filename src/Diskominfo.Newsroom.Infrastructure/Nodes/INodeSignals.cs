namespace Diskominfo.Newsroom.Infrastructure.Nodes;

/// <summary>
/// Short messages to every node of the site (this one included): a page to evict, settings to read again, a change
/// for the search index. On PostgreSQL they travel through <c>LISTEN/NOTIFY</c> on the site's own database, so every
/// node hears them within a second without another server; on SQLite (one node) they stay in the process.
/// A signal is a hint to act now, never the only record of a change: a node that missed one (it was restarting) still
/// catches up from the database.
/// </summary>
public interface INodeSignals
{
    /// <summary>Sends <paramref name="payload"/> (at most 4,000 characters) on <paramref name="topic"/> to every node.</summary>
    Task SendAsync(string topic, string payload, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="handler"/> for every signal on <paramref name="topic"/> until the result is disposed.</summary>
    IDisposable Subscribe(string topic, Func<string, CancellationToken, Task> handler);
}
