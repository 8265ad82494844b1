using System.Runtime.CompilerServices;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Storage;

/// <summary>
/// The files in the data folder itself (<c>Newsroom:DataDir</c>), a key being the path under it: the layout the site
/// always had. Several nodes share it through a shared mount (NFS, CephFS). Writes go through a temporary file and a
/// rename, so a half-written file never has the final name.
/// </summary>
public sealed class LocalFileStore(IOptions<DataDirectoryOptions> dataDir) : IFileStore
{
    public bool IsLocal => true;

    /// <summary>The path of a key under the data folder; a key that would leave it is refused.</summary>
    public string FullPath(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir.Value.Path));
        var full = Path.GetFullPath(Path.Combine(root, key.Replace('\\', '/').TrimStart('/')));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"The file key '{key}' leaves the data folder.");
    }

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> bytes, string? contentType, CancellationToken cancellationToken)
    {
        var path = FullPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task WriteAsync(string key, Stream content, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = FullPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = File.Create(temp))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = FullPath(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(FullPath(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = FullPath(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredFile> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir.Value.Path));
        prefix = prefix.Replace('\\', '/').TrimStart('/');
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? root : FullPath(prefix[..slash]);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || key.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var info = new FileInfo(path);
            if (info.Exists)
            {
                yield return new StoredFile(key, info.Length, info.LastWriteTimeUtc);
            }
        }

        await Task.CompletedTask;
    }

    public Task<string?> LocalPathAsync(string key, CancellationToken cancellationToken)
    {
        var path = FullPath(key);
        return Task.FromResult(File.Exists(path) ? path : null);
    }
}
