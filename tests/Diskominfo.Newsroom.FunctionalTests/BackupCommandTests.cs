using Diskominfo.Newsroom.Backup.Models;
using Diskominfo.Newsroom.Harness;
using Microsoft.Data.Sqlite;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// <c>backup --to DIR</c> of a running site and <c>restore --from DIR</c>, as real processes: what a backup holds (and
/// leaves out), its manifest and its secret part; every kind of damaged or partial backup and every non-empty target is
/// refused with the reason and nothing written.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BackupCommandTests
{
    [Fact]
    public async Task Backup_WhileTheSiteServes_ManifestListsEveryFileAndTheKeysAreApartAndPrivate()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var data = BackupWorld.TempPath("newsroom-backup-site-");
        var backup = BackupWorld.TempPath("newsroom-backup-");
        try
        {
            var settings = new Dictionary<string, string> { ["Newsroom:DataDir"] = data };
            await using var site = SiteProcess.Start(SiteProcess.FindSiteAssembly(), SiteProcess.FreePort(), settings);
            await site.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using (var api = await NewsroomApiClient.SignInAsync(site.BaseAddress))
            {
                await api.PrepareAsync("Zamrud pencadangan di kantor bupati", NewsroomApiClient.Jpeg());
            }

            // What is derived or half-written stays out: a rendition, a temporary file, the search index.
            Directory.CreateDirectory(Path.Combine(data, "media", "renditions", "ab"));
            await File.WriteAllTextAsync(Path.Combine(data, "media", "renditions", "ab", "ab12-facebook.jpg"), "rendition");
            await File.WriteAllTextAsync(Path.Combine(data, "media", "upload.tmp"), "half");

            var (exit, output) = await BackupWorld.RunAsync(data, BackupWorld.Node(data, database), "backup", "--to", backup);
            Assert.True(exit == 0, output);
            Assert.Contains("Cadangan selesai", output, StringComparison.Ordinal);

            var manifest = BackupManifest.TryRead(backup);
            Assert.NotNull(manifest);
            Assert.Equal("Sqlite", manifest.Provider);
            Assert.Equal(BackupManifest.CurrentVersion, manifest.Version);
            Assert.Contains("20261201065803_Initial", manifest.Migrations["backup"]);
            var inBackup = BackupWorld.Hashes(backup);
            inBackup.Remove(BackupManifest.FileName);
            Assert.Equal(inBackup.OrderBy(f => f.Key), manifest.Files.Select(f => KeyValuePair.Create(f.Path, f.Sha256)).OrderBy(f => f.Key));
            Assert.All(manifest.Files, f => Assert.Equal(new FileInfo(Path.Combine(backup, f.Path)).Length, f.Bytes));

            // Every upload of the site, byte for byte; nothing derived.
            var originals = BackupWorld.Hashes(Path.Combine(data, "media", "originals"));
            Assert.NotEmpty(originals);
            foreach (var (path, hash) in originals)
            {
                Assert.Equal(hash, inBackup[$"data/media/originals/{path}"]);
            }

            Assert.DoesNotContain(inBackup.Keys, p => p.Contains("renditions", StringComparison.Ordinal) || p.Contains("search-index", StringComparison.Ordinal) || p.EndsWith(".tmp", StringComparison.Ordinal));
            Assert.Contains("database/newsroom.db", inBackup.Keys);
            Assert.Contains("settings/appsettings.json", inBackup.Keys);

            // The keys apart, marked secret, readable by the owner only.
            foreach (var key in new[] { "history-chain.key", "archive-seal.key", "api-signing.key", "key-ring.pfx" })
            {
                Assert.Equal(BackupWorld.Hashes(data + "-keys")[key], inBackup[$"secret/keys/{key}"]);
            }

            Assert.All(manifest.Files.Where(f => f.Path.StartsWith("secret/", StringComparison.Ordinal)), f => Assert.Equal(ManifestFile.Secret, f.Kind));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(backup, "secret")));
            Assert.All(Directory.EnumerateFiles(Path.Combine(backup, "secret"), "*", SearchOption.AllDirectories),
                f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
            Assert.Contains("RAHASIA", await File.ReadAllTextAsync(Path.Combine(backup, "secret", "README-RAHASIA.txt")), StringComparison.Ordinal);

            // The snapshot is a whole database, and the run is on record for the admins' page.
            await using var copy = new SqliteConnection($"Data Source={Path.Combine(backup, "database", "newsroom.db")};Mode=ReadOnly;Pooling=false");
            await copy.OpenAsync();
            await using (var check = copy.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check; ";
                Assert.Equal("ok", await check.ExecuteScalarAsync());
            }

            await using var live = new SqliteConnection($"Data Source={Path.Combine(data, "newsroom.db")};Pooling=false");
            await live.OpenAsync();
            await using var runs = live.CreateCommand();
            runs.CommandText = "SELECT \"Succeeded\", \"Files\", \"Bytes\", \"Directory\" FROM backup_runs";
            await using var reader = await runs.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetBoolean(0));
            Assert.Equal(manifest.Files.Count + 1, reader.GetInt32(1));
            Assert.Equal(backup, reader.GetString(3));

            // A second backup into the same folder is refused: a backup is never written over another.
            var (again, refusal) = await BackupWorld.RunAsync(data, BackupWorld.Node(data, database), "backup", "--to", backup);
            Assert.Equal(1, again);
            Assert.Contains("tidak kosong", refusal, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            BackupWorld.Delete(data, data + "-keys", backup);
        }
    }

    [Fact]
    public async Task Restore_DamagedPartialOrIntoNonEmptyTargets_RefusedWithNothingWritten_ThenRestoresIntact()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var data = BackupWorld.TempPath("newsroom-restore-src-");
        var backup = BackupWorld.TempPath("newsroom-backup-");
        var cleanup = new List<string> { data, data + "-keys", backup };
        try
        {
            var (migrated, migrateOutput) = await BackupWorld.RunAsync(data, BackupWorld.Node(data, database), "migrate");
            Assert.True(migrated == 0, migrateOutput);
            var upload = Path.Combine(data, "media", "originals", "2026", "11", "0123456789abcdef0123456789abcdef.jpg");
            Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
            await File.WriteAllBytesAsync(upload, NewsroomApiClient.Jpeg(400, 300));
            var (written, backupOutput) = await BackupWorld.RunAsync(data, BackupWorld.Node(data, database), "backup", "--to", backup);
            Assert.True(written == 0, backupOutput);
            const string Photo = "data/media/originals/2026/11/0123456789abcdef0123456789abcdef.jpg";

            async Task RefusedAsync(string expected, Action<string>? damage = null, string? target = null, IReadOnlyDictionary<string, string>? extra = null, string[]? args = null)
            {
                var damaged = damage is null ? backup : BackupWorld.Copy(backup);
                cleanup.Add(damaged);
                damage?.Invoke(damaged);
                target ??= BackupWorld.TempPath("newsroom-restore-target-");
                cleanup.Add(target);
                cleanup.Add(target + "-keys");
                var before = BackupWorld.Hashes(target);
                var keysBefore = BackupWorld.Hashes(extra?.GetValueOrDefault("Newsroom__Keys__Directory") ?? target + "-keys");
                var environment = BackupWorld.Node(target, database);
                foreach (var (key, value) in extra ?? new Dictionary<string, string>())
                {
                    environment[key] = value;
                }

                var (exit, output) = await BackupWorld.RunAsync(target, environment, ["restore", "--from", damaged, .. args ?? []]);
                Assert.True(exit == 1, $"expected a refusal ({expected}), got {exit}:\n{output}");
                Assert.Contains("Pemulihan ditolak", output, StringComparison.Ordinal);
                Assert.Contains(expected, output, StringComparison.Ordinal);
                Assert.Equal(before, BackupWorld.Hashes(target));
                Assert.Equal(keysBefore, BackupWorld.Hashes(extra?.GetValueOrDefault("Newsroom__Keys__Directory") ?? target + "-keys"));
            }

            // A damaged or partial backup, each kind.
            await RefusedAsync("manifest.json tidak ada", d => File.Delete(Path.Combine(d, "manifest.json")));
            await RefusedAsync("tidak dapat dibaca", d => File.WriteAllText(Path.Combine(d, "manifest.json"), "{ bukan manifest"));
            await RefusedAsync($"berkas hilang: {Photo}", d => File.Delete(Path.Combine(d, Photo)));
            await RefusedAsync("berkas tambahan yang tidak tercatat di manifest: data/media/originals/lain.jpg", d => File.WriteAllText(Path.Combine(d, "data/media/originals/lain.jpg"), "x"));
            await RefusedAsync($"isi berubah (SHA-256 tidak cocok): {Photo}", d =>
            {
                var bytes = File.ReadAllBytes(Path.Combine(d, Photo));
                bytes[^10] ^= 0xFF;
                File.WriteAllBytes(Path.Combine(d, Photo), bytes);
            });
            await RefusedAsync("ukuran berbeda: database/newsroom.db", d =>
            {
                using var stream = File.Open(Path.Combine(d, "database/newsroom.db"), FileMode.Open);
                stream.SetLength(stream.Length - 4096);
            });
            await RefusedAsync("berkas hilang: secret/keys/history-chain.key", d => File.Delete(Path.Combine(d, "secret/keys/history-chain.key")));
            await RefusedAsync("Folder kunci secret/ tidak ada", d => Directory.Delete(Path.Combine(d, "secret"), recursive: true));

            // A target that is not empty: the data folder, the database, the keys folder.
            var used = BackupWorld.TempPath("newsroom-restore-used-");
            Directory.CreateDirectory(Path.Combine(used, "media"));
            await File.WriteAllTextAsync(Path.Combine(used, "media", "foto.jpg"), "foto lama");
            await RefusedAsync("tidak kosong", target: used);
            var withDatabase = BackupWorld.TempPath("newsroom-restore-db-");
            Directory.CreateDirectory(withDatabase);
            File.Copy(Path.Combine(data, "newsroom.db"), Path.Combine(withDatabase, "newsroom.db"));
            await RefusedAsync("sudah ada", target: withDatabase);
            var otherKeys = BackupWorld.TempPath("newsroom-restore-other-");
            cleanup.Add(otherKeys);
            cleanup.Add(otherKeys + "-keys");
            Assert.Equal(0, (await BackupWorld.RunAsync(otherKeys, BackupWorld.Node(otherKeys, database, $"Data Source={otherKeys}.db"), "migrate")).ExitCode);
            cleanup.Add(otherKeys + ".db");
            await RefusedAsync("memuat kunci lain", extra: new Dictionary<string, string> { ["Newsroom__Keys__Directory"] = otherKeys + "-keys" });

            // The intact backup comes back whole, with the secret part kept elsewhere.
            var secret = BackupWorld.TempPath("newsroom-secret-");
            var apart = BackupWorld.Copy(backup);
            cleanup.AddRange([secret, apart]);
            Directory.Move(Path.Combine(apart, "secret"), secret);
            var restored = BackupWorld.TempPath("newsroom-restored-");
            cleanup.AddRange([restored, restored + "-keys"]);
            var (exitCode, restoreOutput) = await BackupWorld.RunAsync(restored, BackupWorld.Node(restored, database), "restore", "--from", apart, "--secret-from", secret);
            Assert.True(exitCode == 0, restoreOutput);
            Assert.Contains("Pemulihan selesai", restoreOutput, StringComparison.Ordinal);
            Assert.Contains("search index: Indeks pencarian dibangun ulang", restoreOutput, StringComparison.Ordinal);
            Assert.Equal(BackupWorld.Hashes(Path.Combine(data, "media")), BackupWorld.Hashes(Path.Combine(restored, "media")));
            Assert.Equal(BackupWorld.Hashes(data + "-keys"), BackupWorld.Hashes(restored + "-keys"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(restored + "-keys", "history-chain.key")));
            Assert.True(Directory.Exists(Path.Combine(restored, "search-index")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            BackupWorld.Delete([.. cleanup]);
        }
    }
}
