using System.Text;
using System.Text.Json;
using Diskominfo.Newsroom.Backup.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// Makes a backup in an empty folder while the site runs. The database first, as one consistent snapshot (SQLite's
/// online backup, or <c>pg_dump</c>, which reads in one transaction); then the files, which the site only ever adds
/// whole and never changes, so every file the snapshot names is there. Then the settings files, the keys (apart, under
/// <c>secret/</c>, 0700/0600) and last the manifest: a folder without it is an unfinished backup.
/// </summary>
internal sealed class BackupWriter(BackupSources sources, PostgresTools postgres, IEnumerable<IModuleMigration> migrations, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>The schema of Hangfire's job storage beside PostgreSQL: jobs are made again from the publication records.</summary>
    private const string JobSchema = "hangfire";

    public async Task<BackupManifest> WriteAsync(string target, CancellationToken cancellationToken)
    {
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupRefusedException($"Folder tujuan {target} tidak kosong: cadangan hanya ditulis ke folder baru atau kosong.");
        }

        if (BackupSources.IsInside(target, sources.DataDirectory) || BackupSources.IsInside(target, sources.KeysDirectory))
        {
            throw new BackupRefusedException($"Folder tujuan {target} berada di dalam folder data atau folder kunci: simpan cadangan di tempat lain (sebaiknya di disk lain).");
        }

        var createdAt = clock.GetUtcNow();
        Directory.CreateDirectory(target);
        var files = new List<ManifestFile>();
        files.Add(await DatabaseAsync(target, cancellationToken));
        var copiedData = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, relative) in sources.DataFiles(target))
        {
            if (await BackupFiles.CopyAsync(path, target, $"{BackupManifest.DataFolder}/{relative}", ManifestFile.Data, secret: false, cancellationToken) is { } copied)
            {
                files.Add(copied);
                copiedData.Add(relative);
            }
        }

        // Files in an object store go into the backup under the same relative paths as they would have in the data folder.
        await foreach (var stored in sources.StoreFiles(cancellationToken))
        {
            if (!copiedData.Add(stored.Key))
            {
                continue;
            }

            await using var input = await sources.Store.OpenReadAsync(stored.Key, cancellationToken);
            if (input is not null)
            {
                files.Add(await BackupFiles.CopyAsync(input, target, $"{BackupManifest.DataFolder}/{stored.Key}", ManifestFile.Data, secret: false, cancellationToken));
            }
        }

        foreach (var path in sources.SettingsFiles())
        {
            if (await BackupFiles.CopyAsync(path, target, $"{BackupManifest.SettingsFolder}/{Path.GetFileName(path)}", ManifestFile.Settings, secret: false, cancellationToken) is { } copied)
            {
                files.Add(copied);
            }
        }

        files.AddRange(await SecretsAsync(target, cancellationToken));
        var manifest = new BackupManifest(
            BackupManifest.FormatName, BackupManifest.CurrentVersion, createdAt, sources.Provider.ToString(), Environment.MachineName,
            sources.DataDirectory, sources.KeysDirectory, KnownMigrations(), files);
        await BackupFiles.WriteAsync(Path.Combine(target, BackupManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, BackupManifest.Json), secret: false, cancellationToken);
        return manifest;
    }

    private async Task<ManifestFile> DatabaseAsync(string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(target, BackupManifest.DatabaseFolder));
        if (sources.Provider == DatabaseProvider.Postgres)
        {
            var dump = $"{BackupManifest.DatabaseFolder}/newsroom.dump";
            await postgres.RunAsync(
                "pg_dump",
                ["--format=custom", "--no-password", $"--exclude-schema={JobSchema}", "--file", Path.Combine(target, dump)],
                sources.Database.MigrationsConnectionString,
                cancellationToken);
            return await BackupFiles.DescribeAsync(target, dump, ManifestFile.Database, cancellationToken);
        }

        var file = $"{BackupManifest.DatabaseFolder}/newsroom.db";
        await using (var source = new SqliteConnection(sources.Database.ConnectionString))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(target, file), Pooling = false }.ToString()))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);

            // One step under one read transaction: a snapshot of a moment, while the site goes on writing (WAL).
            source.BackupDatabase(destination);
            await using var single = destination.CreateCommand();
            single.CommandText = "PRAGMA journal_mode=DELETE;";
            await single.ExecuteNonQueryAsync(cancellationToken);
        }

        return await BackupFiles.DescribeAsync(target, file, ManifestFile.Database, cancellationToken);
    }

    /// <summary>The keys folder and a certificate kept elsewhere, under <c>secret/</c> with a README saying what they are.</summary>
    private async Task<List<ManifestFile>> SecretsAsync(string target, CancellationToken cancellationToken)
    {
        var files = new List<ManifestFile>();
        BackupFiles.CreateFolder(Path.Combine(target, BackupManifest.SecretFolder), secret: true);
        var readme = Path.Combine(target, BackupManifest.SecretReadme);
        await BackupFiles.WriteAsync(readme, Encoding.UTF8.GetBytes(SecretReadme()), secret: true, cancellationToken);
        files.Add(await BackupFiles.DescribeAsync(target, BackupManifest.SecretReadme, ManifestFile.Secret, cancellationToken));
        if (Directory.Exists(sources.KeysDirectory))
        {
            foreach (var path in Directory.EnumerateFiles(sources.KeysDirectory, "*", SearchOption.AllDirectories).Where(p => !p.EndsWith(".tmp", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(sources.KeysDirectory, path).Replace('\\', '/');
                if (await BackupFiles.CopyAsync(path, target, $"{BackupManifest.KeysFolder}/{relative}", ManifestFile.Secret, secret: true, cancellationToken) is { } copied)
                {
                    files.Add(copied);
                }
            }
        }

        if (sources.Certificate is { } certificate && File.Exists(certificate)
            && await BackupFiles.CopyAsync(certificate, target, $"{BackupManifest.CertificateFolder}/{Path.GetFileName(certificate)}", ManifestFile.Secret, secret: true, cancellationToken) is { } cert)
        {
            files.Add(cert);
        }

        return files;
    }

    private Dictionary<string, IReadOnlyList<string>> KnownMigrations()
    {
        var known = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var migration in migrations)
        {
            using var scope = scopes.CreateScope();
            known[migration.Module] = migration.Known(scope.ServiceProvider);
        }

        return known;
    }

    private static string SecretReadme() =>
        """
        RAHASIA - KUNCI SITUS DISKOMINFO NEWSROOM
        ==========================================

        Folder ini berisi kunci situs: cincin kunci Data Protection (sesi meja kerja, token
        antiforgery, token Meta yang tersimpan), kunci tanda tangan token API, kunci rantai hash
        buku agenda (history-chain.key), kunci segel arsip (archive-seal.key) dan sertifikat
        yang mengenkripsi semuanya (key-ring.pfx atau certificate/).

        Siapa pun yang memegang folder ini BERSAMA basis data dapat membaca token Meta, membuat
        token API dan cookie untuk akun mana pun, serta menulis ulang jejak persetujuan dengan
        hash yang tampak sah. Karena itu:

        1. Pindahkan folder secret/ ini ke tempat lain yang terpisah dari cadangan basis data
           (mis. brankas kata sandi kantor, media terenkripsi), hanya dapat dibaca petugas TI.
        2. Kata sandi sertifikat (Newsroom:Keys:CertificatePassword) TIDAK ada di sini; simpan
           di brankas kata sandi kantor.
        3. Untuk memulihkan: kembalikan folder ini sebagai secret/ di folder cadangan, atau
           sebutkan letaknya dengan  restore --from FOLDER --secret-from FOLDER_SECRET.
           Tanpa kunci ini, rantai hash dan segel arsip tidak dapat diverifikasi lagi dan sesi,
           token API serta token Meta harus dibuat ulang.

        Izin: folder 0700, berkas 0600, milik pengguna situs.

        SECRET: the site's keys. Keep them apart from the database backups; see docs for restore.
        """;
}
