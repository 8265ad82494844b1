using Diskominfo.Newsroom.Infrastructure.Storage;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>
/// The report photos' files, in the site's <see cref="IFileStore"/> under <c>coverage/{assignment}/{photo}.{ext}</c>
/// (in the data folder on the local backend), under generated names only.
/// </summary>
internal sealed class ReportPhotoStore(IFileStore store)
{
    public static string RelativePath(Guid assignmentId, Guid photoId, string extension)
        => $"{assignmentId:N}/{photoId:N}.{extension.TrimStart('.')}";

    /// <summary>The store's key of a photo's relative path; a path that would leave the coverage folder is refused.</summary>
    public static string Key(string relative)
        => relative.Replace('\\', '/').Split('/').Any(p => p is "" or "." or "..")
            ? throw new InvalidOperationException("A report photo's path left the coverage folder.")
            : FileStoreExtensions.Key("coverage", relative);

    public IFileStore Store => store;

    public Task WriteAsync(string relative, byte[] bytes, string contentType, CancellationToken cancellationToken)
        => store.WriteAsync(Key(relative), bytes, contentType, cancellationToken);

    public Task<byte[]?> ReadAsync(string relative, CancellationToken cancellationToken) => store.ReadAllBytesAsync(Key(relative), cancellationToken);

    public Task DeleteAsync(string relative, CancellationToken cancellationToken) => store.DeleteAsync(Key(relative), cancellationToken);
}
