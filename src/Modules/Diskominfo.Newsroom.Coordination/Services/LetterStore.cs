using System.Globalization;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// The scanned letters, under <c>&lt;DataDir&gt;/coordination/letters/yyyy/MM/&lt;id&gt;.&lt;ext&gt;</c>: inside the data folder, so the
/// Backup module copies them; written through a temporary file so that a half-written letter never has the final name.
/// </summary>
internal sealed class LetterStore(IOptions<DataDirectoryOptions> dataDir)
{
    public async Task<string> SaveAsync(Guid id, string extension, byte[] bytes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var relative = string.Join('/', "coordination", "letters", at.ToString("yyyy", CultureInfo.InvariantCulture), at.ToString("MM", CultureInfo.InvariantCulture), $"{id:N}.{extension}");
        var path = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        File.Move(temp, path, overwrite: true);
        return relative;
    }

    public string FullPath(string relative) => Path.GetFullPath(dataDir.Value.Combine(relative.Split('/')));

    public void Delete(string relative)
    {
        var path = FullPath(relative);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
