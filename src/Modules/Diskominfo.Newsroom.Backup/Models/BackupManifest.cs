using System.Text.Json;
using System.Text.Json.Serialization;

namespace Diskominfo.Newsroom.Backup.Models;

/// <summary>
/// <c>manifest.json</c>, written last: a backup without it is unfinished. It lists every file of the backup with its size
/// and SHA-256, the format's version, the database provider, the code's migrations per module and when it was made.
/// </summary>
internal sealed record BackupManifest(
    string Format,
    int Version,
    DateTimeOffset CreatedAt,
    string Provider,
    string Node,
    string DataDirectory,
    string KeysDirectory,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Migrations,
    IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "manifest.json";
    public const string FormatName = "diskominfo-newsroom-backup";
    public const int CurrentVersion = 1;

    /// <summary>Where the parts live inside a backup folder.</summary>
    public const string DatabaseFolder = "database";
    public const string DataFolder = "data";
    public const string SettingsFolder = "settings";
    public const string SecretFolder = "secret";
    public const string KeysFolder = SecretFolder + "/keys";
    public const string CertificateFolder = SecretFolder + "/certificate";
    public const string SecretReadme = SecretFolder + "/README-RAHASIA.txt";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public long Bytes => Files.Sum(f => f.Bytes);

    /// <summary>The manifest of <paramref name="folder"/>, or null when it has none (or not one of ours).</summary>
    public static BackupManifest? TryRead(string folder)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllBytes(path), Json);
            return manifest is { Format: FormatName, Files: not null, Migrations: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
