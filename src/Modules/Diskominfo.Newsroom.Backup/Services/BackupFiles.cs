using System.Security.Cryptography;
using Diskominfo.Newsroom.Backup.Models;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>Copies files while hashing them (one read), and hashes files in place.</summary>
internal static class BackupFiles
{
    public const UnixFileMode SecretFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode SecretFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="relative"/> under <paramref name="root"/> and describes the copy;
    /// null when the source vanished meanwhile (an upload deleted while the backup ran).
    /// </summary>
    public static async Task<ManifestFile?> CopyAsync(string source, string root, string relative, string kind, bool secret, CancellationToken cancellationToken)
    {
        FileStream input;
        try
        {
            input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (input)
        {
            return await CopyAsync(input, root, relative, kind, secret, cancellationToken);
        }
    }

    /// <summary>Copies what <paramref name="input"/> holds to <paramref name="relative"/> under <paramref name="root"/> and describes the copy.</summary>
    public static async Task<ManifestFile> CopyAsync(Stream input, string root, string relative, string kind, bool secret, CancellationToken cancellationToken)
    {
        var destination = Path.Combine(root, relative);
        CreateFolder(Path.GetDirectoryName(destination)!, secret);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = BufferSize, Options = FileOptions.Asynchronous };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SecretFileMode;
        }

        await using var output = new FileStream(destination, options);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long bytes = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            bytes += read;
        }

        return new ManifestFile(relative, bytes, Convert.ToHexStringLower(hash.GetHashAndReset()), kind);
    }

    /// <summary>Describes a file already in the backup folder.</summary>
    public static async Task<ManifestFile> DescribeAsync(string root, string relative, string kind, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, relative);
        return new ManifestFile(relative, new FileInfo(path).Length, await HashAsync(path, cancellationToken), kind);
    }

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>A folder, 0700 when it holds secrets.</summary>
    public static void CreateFolder(string path, bool secret)
    {
        if (secret && !OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path, SecretFolderMode);
            File.SetUnixFileMode(path, SecretFolderMode);
            return;
        }

        Directory.CreateDirectory(path);
    }

    /// <summary>Writes a small file whole (through a temporary name), 0600 when secret.</summary>
    public static async Task WriteAsync(string path, byte[] bytes, bool secret, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SecretFileMode;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path);
    }
}
