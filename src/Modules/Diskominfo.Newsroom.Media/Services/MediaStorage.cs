using Diskominfo.Newsroom.Infrastructure.Storage;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// The media files in the site's <see cref="IFileStore"/>: <c>media/originals/yyyy/MM/{id}.{ext}</c> and
/// <c>media/renditions/</c> (under the data folder on the local backend, as always). A file's
/// <see cref="Models.MediaFile.StoragePath"/> is its key under <c>media/</c>.
/// </summary>
internal sealed class MediaStorage(IFileStore store)
{
    private const string Root = "media";

    public IFileStore Store => store;

    public async Task<string> SaveOriginalAsync(Guid id, string extension, string contentType, byte[] bytes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var relative = Path.Combine("originals", at.ToString("yyyy"), at.ToString("MM"), $"{id:N}.{extension}");
        await store.WriteAsync(Key(relative), bytes, contentType, cancellationToken);
        return relative;
    }

    /// <summary>The store's key of a path under the media folder (an original's <c>StoragePath</c>).</summary>
    public static string Key(string relative) => FileStoreExtensions.Key(Root, relative);

    /// <summary>A path on this node's disk holding the file (see <see cref="IFileStore.LocalPathAsync"/>); null when it is gone.</summary>
    public Task<string?> LocalPathAsync(string relative, CancellationToken cancellationToken) => store.LocalPathAsync(Key(relative), cancellationToken);

    public Task DeleteAsync(string relative, CancellationToken cancellationToken) => store.DeleteAsync(Key(relative), cancellationToken);

    /// <summary>
    /// A rendition's key: the focal point and the rendition set (bumped when the credit changes) are in its name, so a
    /// new one never serves an old crop or an old photographer's name.
    /// </summary>
    public static string RenditionKey(Guid id, string kind, Focus? focus, string format, int set = 0)
        => FileStoreExtensions.Key(Root, "renditions", $"{id:N}"[..2],
            $"{id:N}-{kind}{(focus is null ? "" : $"-f{focus.X * 1000:0}x{focus.Y * 1000:0}")}{(set > 0 ? $"-s{set}" : "")}.{format}");

    public static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
