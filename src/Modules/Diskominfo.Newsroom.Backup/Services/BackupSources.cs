using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Infrastructure.Keys;
using Diskominfo.Newsroom.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// Where this node keeps what a backup holds. The data folder (<c>Newsroom:DataDir</c>) has the SQLite database
/// (<c>newsroom.db</c>, unless <c>ConnectionStrings:Newsroom</c> names another file), the uploads (<c>media/originals/</c>:
/// photos, scans, documents) and anything else a module stores there; the social renditions (<c>media/renditions/</c>)
/// are made again from the originals on first use and the search index (<c>search-index/</c>) is rebuilt from the
/// database, so neither is copied. The keys folder (<c>Newsroom:Keys:Directory</c>) lies outside the data folder.
/// With the files in an object store (<c>Newsroom:Storage:Provider=S3</c>), the uploads are read from the store
/// (<see cref="StoreFiles"/>) under the same relative paths, and this node's copies of them (<c>cache/</c>) are left out.
/// </summary>
internal sealed class BackupSources(
    IOptions<DataDirectoryOptions> dataDir,
    IOptions<NewsroomDatabaseOptions> database,
    IOptions<KeyStoreOptions> keys,
    IOptions<BackupOptions> backup,
    IHostEnvironment environment,
    IConfiguration configuration,
    IFileStore store)
{
    /// <summary>Files a module writes whole under a temporary name and then renames: half-written, never copied.</summary>
    private const string TemporarySuffix = ".tmp";

    public string DataDirectory => dataDir.Value.Path;

    /// <summary>Where the uploads live: the data folder itself, or an object store.</summary>
    public IFileStore Store => store;

    public DatabaseProvider Provider => database.Value.Provider;

    public NewsroomDatabaseOptions Database => database.Value;

    public string KeysDirectory => keys.Value.Directory;

    /// <summary>The configured certificate of the key ring, when it is not the one generated in the keys folder.</summary>
    public string? Certificate => keys.Value.Certificate is { } path && !IsInside(path, KeysDirectory) ? path : null;

    public string ContentRoot => environment.ContentRootPath;

    /// <summary>The SQLite database file (full path); null on PostgreSQL.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(new SqliteConnectionStringBuilder(database.Value.ConnectionString).DataSource)
        : null;

    /// <summary>The search index folder: derived data, rebuilt after a restore.</summary>
    public string SearchIndex => string.IsNullOrWhiteSpace(configuration["Newsroom:Search:IndexPath"])
        ? Path.Combine(DataDirectory, "search-index")
        : Path.GetFullPath(configuration["Newsroom:Search:IndexPath"]!);

    /// <summary>The settings that are files: <c>appsettings*.json</c> of the content root.</summary>
    public IEnumerable<string> SettingsFiles()
        => Directory.Exists(ContentRoot) ? Directory.EnumerateFiles(ContentRoot, "appsettings*.json").Order(StringComparer.Ordinal) : [];

    /// <summary>
    /// The data folder's files that belong in a backup (full path and path relative to the data folder, with <c>/</c>):
    /// everything except the database files, the search index, the renditions, unfinished resumable uploads, keys, temporary files and backups.
    /// </summary>
    public IEnumerable<(string Path, string Relative)> DataFiles(string target)
    {
        if (!Directory.Exists(DataDirectory))
        {
            yield break;
        }

        string[] skippedFolders =
        [
            SearchIndex,
            Path.Combine(DataDirectory, "media", "renditions"),
            Path.Combine([DataDirectory, .. MediaPaths.PartialUploadsFolder]), // unfinished resumable uploads, gone within a day
            Path.Combine(DataDirectory, "keys"), // keys of earlier versions: secrets never travel with the data
            Path.Combine(DataDirectory, "cache"), // this node's copies of files kept in an object store
            KeysDirectory,
            target,
            .. backup.Value.Directory is { } scheduled ? [scheduled] : Array.Empty<string>(),
        ];
        var sqlite = SqliteFile;
        string[] skippedFiles = sqlite is null ? [] : [sqlite, sqlite + "-wal", sqlite + "-shm", sqlite + "-journal", sqlite + ".lock"];
        var pending = new Stack<string>([DataDirectory]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var child in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).Reverse())
            {
                if (!skippedFolders.Any(s => IsInside(child, s)))
                {
                    pending.Push(child);
                }
            }

            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                if (!file.EndsWith(TemporarySuffix, StringComparison.Ordinal) && !skippedFiles.Contains(file, StringComparer.Ordinal))
                {
                    yield return (file, Path.GetRelativePath(DataDirectory, file).Replace('\\', '/'));
                }
            }
        }
    }

    /// <summary>
    /// On an object store, its files that belong in a backup (keys, which are paths relative to the data folder):
    /// everything except the renditions, unfinished resumable uploads and temporary files. Nothing on the local backend,
    /// whose files are the data folder's.
    /// </summary>
    public async IAsyncEnumerable<StoredFile> StoreFiles([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (store.IsLocal)
        {
            yield break;
        }

        var partial = string.Join('/', MediaPaths.PartialUploadsFolder) + "/";
        await foreach (var file in store.ListAsync("", cancellationToken))
        {
            if (!file.Key.StartsWith("media/renditions/", StringComparison.Ordinal) && !file.Key.StartsWith(partial, StringComparison.Ordinal)
                && !file.Key.EndsWith(TemporarySuffix, StringComparison.Ordinal))
            {
                yield return file;
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return string.Equals(full, root, StringComparison.Ordinal) || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
