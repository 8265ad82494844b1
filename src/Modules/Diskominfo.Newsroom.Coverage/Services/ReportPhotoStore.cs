using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>The report photos' files: <c>{data folder}/coverage/{assignment}/{photo}.{ext}</c>, under generated names only.</summary>
internal sealed class ReportPhotoStore(IOptions<DataDirectoryOptions> dataDir)
{
    private string Root => Path.GetFullPath(dataDir.Value.Combine("coverage"));

    public static string RelativePath(Guid assignmentId, Guid photoId, string extension)
        => $"{assignmentId:N}/{photoId:N}.{extension.TrimStart('.')}";

    public string FullPath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException("A report photo's path left the coverage folder.");
    }

    public async Task WriteAsync(string relative, byte[] bytes, CancellationToken cancellationToken)
    {
        var full = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, bytes, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string relative, CancellationToken cancellationToken)
    {
        var full = FullPath(relative);
        return File.Exists(full) ? await File.ReadAllBytesAsync(full, cancellationToken) : null;
    }

    public void Delete(string relative)
    {
        var full = FullPath(relative);
        if (File.Exists(full))
        {
            File.Delete(full);
        }
    }
}
