namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>Files only their owner may read: folders 0700, files 0600, written whole or not at all.</summary>
internal static class KeyFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OthersAndGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> with mode 0600 through a temporary file in the same
    /// folder; false when the file already exists (another process made it first): then read that one.
    /// </summary>
    public static bool TryCreate(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    /// <summary>Whether anyone but the owner has any right on the file or folder (always false on Windows).</summary>
    public static bool IsOpenToOthers(string path)
        => !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersAndGroup) != 0;

    /// <summary>The file's mode as <c>0644</c>.</summary>
    public static string Describe(string path)
        => OperatingSystem.IsWindows() ? "?" : "0" + Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8);

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return string.Equals(full, root, comparison) || full.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }
}
