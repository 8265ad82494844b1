using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>Files on disk under the data folder: <c>media/originals/yyyy/MM/{id}.{ext}</c> and <c>media/renditions/</c>.</summary>
internal sealed class MediaStorage(IOptions<DataDirectoryOptions> dataDir)
{
    private string Root => dataDir.Value.Combine("media");

    public async Task<string> SaveOriginalAsync(Guid id, string extension, byte[] bytes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var relative = Path.Combine("originals", at.ToString("yyyy"), at.ToString("MM"), $"{id:N}.{extension}");
        await WriteAtomicallyAsync(Path.Combine(Root, relative), bytes, cancellationToken);
        return relative;
    }

    public string FullPath(string relative) => Path.Combine(Root, relative);

    public void Delete(string relative)
    {
        var path = FullPath(relative);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public string RenditionPath(Guid id, string kind) => Path.Combine(Root, "renditions", $"{id:N}-{kind}.jpg");

    public static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
