using Diskominfo.Newsroom.Backup.Models;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// Checks a backup folder against its manifest before anything is restored: the manifest is there and ours, every file
/// it lists is there with its size and SHA-256, and no file is there that it does not list. <c>secret/</c> may be kept
/// elsewhere (<paramref name="secretFolder"/>), as its README asks.
/// </summary>
internal static class BackupVerifier
{
    private const int ShownProblems = 10;

    public static async Task<BackupManifest> VerifyAsync(string folder, string? secretFolder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new BackupRefusedException($"Folder cadangan {folder} tidak ada.");
        }

        if (!File.Exists(Path.Combine(folder, BackupManifest.FileName)))
        {
            throw new BackupRefusedException(
                $"Cadangan di {folder} tidak lengkap: {BackupManifest.FileName} tidak ada (pencadangan terputus atau belum selesai). Tidak ada yang dipulihkan.");
        }

        var manifest = BackupManifest.TryRead(folder)
            ?? throw new BackupRefusedException($"Cadangan di {folder} rusak: {BackupManifest.FileName} tidak dapat dibaca atau bukan manifest Diskominfo Newsroom. Tidak ada yang dipulihkan.");
        if (manifest.Version != BackupManifest.CurrentVersion)
        {
            throw new BackupRefusedException($"Cadangan di {folder} berformat versi {manifest.Version}; versi ini hanya memulihkan format {BackupManifest.CurrentVersion}.");
        }

        var problems = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!IsSafe(file.Path) || !listed.Add(file.Path))
            {
                throw new BackupRefusedException($"Cadangan di {folder} rusak: {BackupManifest.FileName} memuat jalur berkas yang tidak sah ({file.Path}). Tidak ada yang dipulihkan.");
            }

            var path = Locate(folder, secretFolder, file.Path);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problems.Add($"berkas hilang: {file.Path}");
            }
            else if (info.Length != file.Bytes)
            {
                problems.Add($"ukuran berbeda: {file.Path} ({info.Length} bita, tercatat {file.Bytes})");
            }
            else if (!string.Equals(await BackupFiles.HashAsync(path, cancellationToken), file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"isi berubah (SHA-256 tidak cocok): {file.Path}");
            }
        }

        problems.AddRange(Unlisted(folder, "", listed, skipSecret: secretFolder is not null));
        if (secretFolder is not null)
        {
            problems.AddRange(Unlisted(secretFolder, BackupManifest.SecretFolder + "/", listed, skipSecret: false));
        }

        if (problems.Count > 0)
        {
            throw new BackupRefusedException(
                $"Cadangan di {folder} rusak atau tidak lengkap ({problems.Count} masalah); tidak ada yang dipulihkan:\n  - " +
                string.Join("\n  - ", problems.Take(ShownProblems)) + (problems.Count > ShownProblems ? $"\n  - ... dan {problems.Count - ShownProblems} lagi" : ""));
        }

        return manifest;
    }

    /// <summary>Where a listed file is: in the backup folder, or for <c>secret/</c> in the folder given for it.</summary>
    public static string Locate(string folder, string? secretFolder, string relative)
        => secretFolder is not null && relative.StartsWith(BackupManifest.SecretFolder + "/", StringComparison.Ordinal)
            ? Path.Combine(secretFolder, relative[(BackupManifest.SecretFolder.Length + 1)..])
            : Path.Combine(folder, relative);

    private static IEnumerable<string> Unlisted(string root, string prefix, HashSet<string> listed, bool skipSecret)
    {
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = prefix + Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative == BackupManifest.FileName || (skipSecret && relative.StartsWith(BackupManifest.SecretFolder + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!listed.Contains(relative))
            {
                yield return $"berkas tambahan yang tidak tercatat di manifest: {relative}";
            }
        }
    }

    /// <summary>A relative path with <c>/</c>, no way out of the folder, no empty or dot segment.</summary>
    private static bool IsSafe(string path)
        => !string.IsNullOrEmpty(path) && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal)
            && path.Split('/').All(s => s.Length > 0 && s != "." && s != "..");
}
