using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Backup.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// Brings a backup back on a node with an empty data folder and an empty database. Everything is checked before
/// anything is written: the backup against its manifest, the provider and the migrations against this code, the data
/// folder, the database and the keys folder (empty, or holding exactly the backup's keys). Then the database, the files
/// and the keys are written, the tables migrated, and each module's <see cref="IRestoreParticipant"/> runs (the search
/// index is rebuilt; publications in flight are looked up at Meta before any new attempt).
/// </summary>
internal sealed class RestoreService(
    BackupSources sources,
    PostgresTools postgres,
    IEnumerable<IModuleMigration> migrations,
    IServiceScopeFactory scopes,
    IServiceProvider services)
{
    public async Task RestoreAsync(string folder, string? secretFolder, TextWriter output, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        secretFolder = secretFolder is null ? null : Path.GetFullPath(secretFolder);
        if (secretFolder is null && !Directory.Exists(Path.Combine(folder, BackupManifest.SecretFolder)) && Directory.Exists(folder)
            && File.Exists(Path.Combine(folder, BackupManifest.FileName)))
        {
            throw new BackupRefusedException(
                $"Folder kunci {BackupManifest.SecretFolder}/ tidak ada di {folder}: kembalikan salinan kuncinya ke sana, atau sebutkan letaknya dengan --secret-from FOLDER.");
        }

        await output.WriteLineAsync($"Memeriksa cadangan {folder} ...");
        var manifest = await BackupVerifier.VerifyAsync(folder, secretFolder, cancellationToken);
        await output.WriteLineAsync($"Cadangan utuh: {manifest.Files.Count} berkas, {Sizes.Format(manifest.Bytes)}, dibuat {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC di {manifest.Node}.");
        CheckCompatible(manifest);
        await CheckEmptyDatabaseAsync(cancellationToken);
        CheckEmptyDataFolder();
        await CheckEmptyStoreAsync(cancellationToken);
        var keys = CheckKeys(manifest, folder, secretFolder);

        // From here on the node is written.
        await RestoreDatabaseAsync(manifest, folder, cancellationToken);
        await output.WriteLineAsync(sources.Provider == DatabaseProvider.Postgres
            ? "Basis data dipulihkan (pg_restore)."
            : $"Basis data dipulihkan ke {sources.SqliteFile}.");
        var data = manifest.Files.Where(f => f.Kind == ManifestFile.Data).ToList();
        foreach (var file in data)
        {
            var relative = file.Path[(BackupManifest.DataFolder.Length + 1)..];
            if (sources.Store.IsLocal)
            {
                await CopyAsync(Path.Combine(folder, file.Path), Path.Combine(sources.DataDirectory, relative), secret: false, cancellationToken);
            }
            else
            {
                // On an object store every data file goes back into the store, under its relative path as key.
                await using var input = File.OpenRead(Path.Combine(folder, file.Path));
                await sources.Store.WriteAsync(relative, input, null, cancellationToken);
            }
        }

        await output.WriteLineAsync($"Berkas data dipulihkan: {data.Count} berkas ({Sizes.Format(data.Sum(f => f.Bytes))}) ke " +
            (sources.Store.IsLocal ? $"{sources.DataDirectory}." : "penyimpanan berkas S3 (Newsroom:Storage:S3)."));
        foreach (var (source, destination) in keys.ToWrite)
        {
            await CopyAsync(source, destination, secret: true, cancellationToken);
        }

        await output.WriteLineAsync(keys.ToWrite.Count == 0
            ? $"Kunci: folder kunci {sources.KeysDirectory} sudah memuat kunci cadangan ini."
            : $"Kunci dipulihkan: {keys.ToWrite.Count} berkas ke {sources.KeysDirectory} (folder 0700, berkas 0600).");
        var settings = manifest.Files.Count(f => f.Kind == ManifestFile.Settings);
        if (settings > 0)
        {
            await output.WriteLineAsync(
                $"Berkas pengaturan ({settings}) ada di {Path.Combine(folder, BackupManifest.SettingsFolder)}; tidak ditimpakan ke node ini: bandingkan dengan pengaturan node ini bila perlu.");
        }

        // Resolved only now, like the participants below: building the start-up tasks builds Hangfire's storage, which
        // makes its schema in the database, and a refused restore writes nothing.
        await services.GetRequiredService<NewsroomInitializer>().MigrateCommandAsync(output, cancellationToken);
        await using (var participants = scopes.CreateAsyncScope())
        {
            foreach (var participant in participants.ServiceProvider.GetServices<IRestoreParticipant>().OrderBy(p => p.Order))
            {
                await using var scope = scopes.CreateAsyncScope();
                var summary = await participant.AfterRestoreAsync(scope.ServiceProvider, cancellationToken);
                await output.WriteLineAsync($"{participant.Name}: {summary}");
            }
        }

        await output.WriteLineAsync("Pemulihan selesai. Jalankan situs seperti biasa (dotnet Diskominfo.Newsroom.dll, atau systemctl start diskominfo-newsroom).");
    }

    /// <summary>The same provider, and no migration this code does not know (a backup of a newer version).</summary>
    private void CheckCompatible(BackupManifest manifest)
    {
        if (!string.Equals(manifest.Provider, sources.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupRefusedException(
                $"Cadangan ini dari basis data {manifest.Provider}, sedangkan node ini memakai {sources.Provider} (Newsroom:Database:Provider): pulihkan ke penyedia yang sama.");
        }

        var known = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var migration in migrations)
        {
            using var scope = scopes.CreateScope();
            known[migration.Module] = migration.Known(scope.ServiceProvider);
        }

        var newer = manifest.Migrations
            .SelectMany(m => m.Value.Where(name => known.TryGetValue(m.Key, out var ours) ? ours.Count > 0 && !ours.Contains(name) : true).Select(name => $"{m.Key}: {name}"))
            .ToList();
        if (newer.Count > 0)
        {
            throw new BackupRefusedException(
                $"Cadangan ini dibuat oleh versi yang lebih baru ({newer.Count} migrasi tidak dikenal versi ini, mis. {newer[0]}): pasang versi itu atau yang lebih baru dulu, lalu pulihkan.");
        }
    }

    private void CheckEmptyDataFolder()
    {
        var data = sources.DataDirectory;
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            throw new BackupRefusedException(
                $"Folder data {data} (Newsroom:DataDir) tidak kosong: pemulihan hanya ke folder data yang kosong atau belum ada, agar tidak ada yang tertimpa. Tidak ada yang dipulihkan.");
        }
    }

    /// <summary>On an object store: it must hold no file of the site yet (renditions aside), as the data folder must be empty.</summary>
    private async Task CheckEmptyStoreAsync(CancellationToken cancellationToken)
    {
        await foreach (var file in sources.StoreFiles(cancellationToken))
        {
            throw new BackupRefusedException(
                $"Penyimpanan berkas S3 (Newsroom:Storage:S3) sudah memuat berkas situs (mis. {file.Key}): pemulihan hanya ke penyimpanan yang kosong, agar tidak ada yang tertimpa. Tidak ada yang dipulihkan.");
        }
    }

    private async Task CheckEmptyDatabaseAsync(CancellationToken cancellationToken)
    {
        if (sources.Provider == DatabaseProvider.Sqlite)
        {
            if (sources.SqliteFile is { } file && File.Exists(file) && new FileInfo(file).Length > 0)
            {
                throw new BackupRefusedException($"Basis data {file} sudah ada: pemulihan hanya ke basis data yang kosong. Tidak ada yang dipulihkan.");
            }

            return;
        }

        long tables;
        try
        {
            await using var connection = new NpgsqlConnection(sources.Database.MigrationsConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
                "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'",
                connection);
            tables = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (NpgsqlException e)
        {
            throw new BackupRefusedException(
                $"Basis data PostgreSQL tidak dapat dihubungi ({e.Message}): buat dahulu basis data kosong milik pemilik tabel (ConnectionStrings:NewsroomMigrations), lalu ulangi.");
        }

        if (tables > 0)
        {
            throw new BackupRefusedException(
                $"Basis data PostgreSQL tidak kosong ({tables} tabel/objek): pemulihan hanya ke basis data yang kosong (CREATE DATABASE baru). Tidak ada yang dipulihkan.");
        }
    }

    /// <summary>
    /// Which key files to write: into an empty keys folder all of them; a folder holding exactly these keys (say, restored
    /// before) is left as it is; a folder holding other keys is refused, since they would not open the restored data.
    /// </summary>
    private KeyPlan CheckKeys(BackupManifest manifest, string folder, string? secretFolder)
    {
        var plan = new KeyPlan([]);
        var conflicts = new List<string>();
        foreach (var file in manifest.Files.Where(f => f.Path.StartsWith(BackupManifest.KeysFolder + "/", StringComparison.Ordinal)))
        {
            var source = BackupVerifier.Locate(folder, secretFolder, file.Path);
            var destination = Path.Combine(sources.KeysDirectory, file.Path[(BackupManifest.KeysFolder.Length + 1)..]);
            Plan(source, destination, file, plan, conflicts);
        }

        var certificates = manifest.Files.Where(f => f.Path.StartsWith(BackupManifest.CertificateFolder + "/", StringComparison.Ordinal)).ToList();
        if (certificates.Count > 0)
        {
            if (sources.Certificate is not { } certificate)
            {
                throw new BackupRefusedException(
                    $"Kunci cadangan ini dienkripsi dengan sertifikat tersendiri ({Path.GetFileName(certificates[0].Path)}): atur Newsroom:Keys:Certificate (dan " +
                    "Newsroom:Keys:CertificatePassword) di node ini ke tempat sertifikat itu akan disimpan, lalu ulangi. Tidak ada yang dipulihkan.");
            }

            Plan(BackupVerifier.Locate(folder, secretFolder, certificates[0].Path), certificate, certificates[0], plan, conflicts);
        }

        if (conflicts.Count > 0)
        {
            throw new BackupRefusedException(
                $"Folder kunci {sources.KeysDirectory} (Newsroom:Keys:Directory) memuat kunci lain daripada cadangan ini ({string.Join(", ", conflicts.Take(5))}): " +
                "data yang dipulihkan tidak dapat dibuka dengan kunci itu. Kosongkan atau pindahkan folder kunci itu dahulu. Tidak ada yang dipulihkan.");
        }

        return plan;
    }

    private static void Plan(string source, string destination, ManifestFile file, KeyPlan plan, List<string> conflicts)
    {
        if (!File.Exists(destination))
        {
            plan.ToWrite.Add((source, destination));
        }
        else if (!string.Equals(BackupFiles.HashAsync(destination, CancellationToken.None).GetAwaiter().GetResult(), file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            conflicts.Add(Path.GetFileName(destination));
        }
    }

    private async Task RestoreDatabaseAsync(BackupManifest manifest, string folder, CancellationToken cancellationToken)
    {
        var database = manifest.Files.Single(f => f.Kind == ManifestFile.Database);
        var path = Path.Combine(folder, database.Path);
        if (sources.Provider == DatabaseProvider.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(sources.Database.MigrationsConnectionString).Database ?? "";
            await postgres.RunAsync(
                "pg_restore",
                ["--no-password", "--exit-on-error", "--single-transaction", "--no-owner", "--dbname", name, path],
                sources.Database.MigrationsConnectionString,
                cancellationToken);
            return;
        }

        SqliteConnection.ClearAllPools();
        await CopyAsync(path, sources.SqliteFile!, secret: false, cancellationToken);
    }

    /// <summary>Copies a file whole (a temporary name, then renamed), creating its folder; 0700/0600 for keys.</summary>
    private static async Task CopyAsync(string source, string destination, bool secret, CancellationToken cancellationToken)
    {
        BackupFiles.CreateFolder(Path.GetDirectoryName(destination)!, secret);
        var temporary = destination + ".restore.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = BackupFiles.SecretFileMode;
        }

        await using (var input = File.OpenRead(source))
        await using (var output = new FileStream(temporary, options))
        {
            await input.CopyToAsync(output, cancellationToken);
        }

        File.Move(temporary, destination, overwrite: false);
    }

    private sealed record KeyPlan(List<(string Source, string Destination)> ToWrite);
}
