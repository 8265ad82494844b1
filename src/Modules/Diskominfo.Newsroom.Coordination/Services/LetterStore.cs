using System.Globalization;
using Diskominfo.Newsroom.Infrastructure.Storage;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// The scanned letters, in the site's <see cref="IFileStore"/> under <c>coordination/letters/yyyy/MM/&lt;id&gt;.&lt;ext&gt;</c>
/// (inside the data folder on the local backend, so the Backup module copies them); a half-written letter never has
/// the final name. A letter's stored path is its key.
/// </summary>
internal sealed class LetterStore(IFileStore store)
{
    public async Task<string> SaveAsync(Guid id, string extension, string contentType, byte[] bytes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var relative = string.Join('/', "coordination", "letters", at.ToString("yyyy", CultureInfo.InvariantCulture), at.ToString("MM", CultureInfo.InvariantCulture), $"{id:N}.{extension}");
        await store.WriteAsync(relative, bytes, contentType, cancellationToken);
        return relative;
    }

    /// <summary>A path on this node's disk holding the letter (on S3 the node-local copy), or null when it is gone.</summary>
    public Task<string?> LocalPathAsync(string relative, CancellationToken cancellationToken) => store.LocalPathAsync(relative, cancellationToken);

    public Task DeleteAsync(string relative, CancellationToken cancellationToken) => store.DeleteAsync(relative, cancellationToken);
}
