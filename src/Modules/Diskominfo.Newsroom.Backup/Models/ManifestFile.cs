namespace Diskominfo.Newsroom.Backup.Models;

/// <summary>One file of a backup: its path inside the backup folder (with <c>/</c>), size and SHA-256 (lower-case hex).</summary>
internal sealed record ManifestFile(string Path, long Bytes, string Sha256, string Kind)
{
    public const string Database = "database";
    public const string Data = "data";
    public const string Settings = "settings";
    public const string Secret = "secret";
}
