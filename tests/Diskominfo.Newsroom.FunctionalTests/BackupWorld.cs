using System.Security.Cryptography;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The site's <c>backup</c>, <c>restore</c> and <c>migrate</c> commands run as real processes against a data folder
/// (its keys folder beside it, as <see cref="SiteRun"/> and <see cref="Harness.SiteProcess"/> place it) and a database.
/// </summary>
internal static class BackupWorld
{
    /// <summary>The environment of a node: Development (as the site processes of the tests), the provider and the connection.</summary>
    public static Dictionary<string, string> Node(string dataDir, TestDatabase database, string? connectionString = null) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Newsroom__Database__Provider"] = database.Provider,
        ["ConnectionStrings__Newsroom"] = connectionString ?? database.ConnectionString ?? $"Data Source={Path.Combine(dataDir, "newsroom.db")}",
    };

    /// <summary>Runs a command of the site to its end: exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var run = SiteRun.Start(dataDir, environment, args);
        var exit = await run.ExitCodeAsync(TimeSpan.FromMinutes(3));
        return (exit, run.Output);
    }

    /// <summary>Every file under <paramref name="folder"/> by its relative path, with its SHA-256.</summary>
    public static Dictionary<string, string> Hashes(string folder)
        => !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    public static string TempPath(string prefix) => Path.Combine(Path.GetTempPath(), $"{prefix}{Guid.NewGuid():N}");

    public static void Delete(params string[] folders)
    {
        foreach (var folder in folders)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>A copy of a backup folder, to damage it without touching the original.</summary>
    public static string Copy(string backup)
    {
        var copy = TempPath("newsroom-backup-copy-");
        foreach (var file in Directory.EnumerateFiles(backup, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(backup, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
