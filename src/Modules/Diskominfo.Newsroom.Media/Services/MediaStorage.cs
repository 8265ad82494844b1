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

    /// <summary>
    /// A rendition's file: the focal point and the rendition set (bumped when the credit changes) are in its name, so a
    /// new one never serves an old crop or an old photographer's name.
    /// </summary>
    public string RenditionPath(Guid id, string kind, Focus? focus, string format, int set = 0)
        => Path.Combine(Root, "renditions", $"{id:N}"[..2],
            $"{id:N}-{kind}{(focus is null ? "" : $"-f{focus.X * 1000:0}x{focus.Y * 1000:0}")}{(set > 0 ? $"-s{set}" : "")}.{format}");

    public static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
