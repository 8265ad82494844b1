namespace Diskominfo.Newsroom.Infrastructure.Storage;

/// <summary>A stored file as a listing gives it: its key, size and last change.</summary>
public sealed record StoredFile(string Key, long Size, DateTimeOffset LastModified);

/// <summary>
/// Where the site's files live (originals, renditions, scans, letters, report photos, resumable-upload parts), under
/// keys that are paths relative to the data folder with forward slashes, e.g. <c>media/originals/2026/12/{id}.jpg</c>.
/// Two backends (<c>Newsroom:Storage:Provider</c>): the data folder itself (<see cref="LocalFileStore"/>, the default;
/// a shared mount serves several nodes) and an S3-compatible object store (<see cref="S3FileStore"/>).
/// </summary>
public interface IFileStore
{
    /// <summary>Whether the files are in the data folder itself (the local backend).</summary>
    bool IsLocal { get; }

    /// <summary>Writes the whole file; a reader never sees it half written.</summary>
    Task WriteAsync(string key, ReadOnlyMemory<byte> bytes, string? contentType, CancellationToken cancellationToken);

    /// <summary>Writes the whole file from <paramref name="content"/> (read to its end).</summary>
    Task WriteAsync(string key, Stream content, string? contentType, CancellationToken cancellationToken);

    /// <summary>The file's content to read, or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; nothing happens when it is not there.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every file whose key starts with <paramref name="prefix"/> (a folder: end it with '/').</summary>
    IAsyncEnumerable<StoredFile> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// A path on this node's disk holding the file, for tools that read files (NetVips, tesseract, pdftoppm) and for
    /// serving with range requests: the real path on the local backend; on S3 a node-local cache copy under
    /// <c>{DataDir}/cache/files/</c>, downloaded once. Null when there is no such file. Do not write to it.
    /// </summary>
    Task<string?> LocalPathAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Helpers on top of <see cref="IFileStore"/>.</summary>
public static class FileStoreExtensions
{
    /// <summary>The whole file, or null when there is none.</summary>
    public static async Task<byte[]?> ReadAllBytesAsync(this IFileStore store, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }

    /// <summary>A key from parts (folders and a file name), joined with '/'; OS separators inside a part become '/'.</summary>
    public static string Key(params string[] parts)
        => string.Join('/', parts.Select(p => p.Replace('\\', '/').Trim('/')).Where(p => p.Length > 0));
}
