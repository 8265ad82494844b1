using System.Net;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Backup.Models;
using Diskominfo.Newsroom.Backup.Services;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The daily backup as a Hangfire recurring job in the office's time zone, run by the real job server: each run in its
/// own folder, recorded, the oldest finished backups beyond <c>Keep</c> removed (and nothing else); the admins' page
/// with its warning and its button.
/// </summary>
public sealed class ScheduledBackupTests
{
    [Fact]
    public async Task ScheduledJob_RunsInOfficeTime_RecordsTheRunAndPrunesOnlyOurOldBackups()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var folder = BackupWorld.TempPath("newsroom-scheduled-");
        try
        {
            // Two earlier backups (manifests of last week and yesterday) and things that are not ours.
            Directory.CreateDirectory(folder);
            var weekAgo = FakeBackup(folder, "cadangan-lama", DateTimeOffset.UtcNow.AddDays(-7));
            var yesterday = FakeBackup(folder, "cadangan-kemarin", DateTimeOffset.UtcNow.AddDays(-1));
            Directory.CreateDirectory(Path.Combine(folder, "arsip-pribadi"));
            await File.WriteAllTextAsync(Path.Combine(folder, "arsip-pribadi", "catatan.txt"), "bukan cadangan");
            Directory.CreateDirectory(Path.Combine(folder, "cadangan-terputus", "database"));

            await using var app = await NewsroomApp.StartAsync(database, extraSettings: new Dictionary<string, string?>
            {
                ["Newsroom:Backup:Directory"] = folder,
                ["Newsroom:Backup:Keep"] = "2",
                ["Newsroom:Backup:Schedule:TimeOfDay"] = "02:30",
            });
            using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
            {
                var job = connection.GetRecurringJobs().Single(j => j.Id == ScheduledBackupJob.RecurringJobId);
                Assert.Equal("30 2 * * *", job.Cron);
                Assert.Equal("Asia/Jakarta", job.TimeZoneId);
                Assert.Equal(ScheduledBackupJob.Queue, job.Job.Queue);
            }

            app.Services.GetRequiredService<IRecurringJobManager>().Trigger(ScheduledBackupJob.RecurringJobId);
            var run = await WaitForRunAsync(app, 1);
            Assert.True(run.Succeeded, run.Error);
            Assert.True(run.Scheduled);
            Assert.True(run.Files >= 3 && run.Bytes > 0, $"{run.Files} files, {run.Bytes} bytes");
            Assert.StartsWith(Path.Combine(folder, "cadangan-20"), run.Directory, StringComparison.Ordinal);
            var manifest = BackupManifest.TryRead(run.Directory);
            Assert.NotNull(manifest);
            Assert.Contains(manifest.Files, f => f.Path == "database/newsroom.db");

            // Keep 2: the new one and yesterday's; last week's goes; what is not ours stays.
            Assert.False(Directory.Exists(weekAgo));
            Assert.True(Directory.Exists(yesterday));
            Assert.True(File.Exists(Path.Combine(folder, "arsip-pribadi", "catatan.txt")));
            Assert.True(Directory.Exists(Path.Combine(folder, "cadangan-terputus")));
            Assert.Equal(4, Directory.GetDirectories(folder).Length);
        }
        finally
        {
            BackupWorld.Delete(folder);
        }
    }

    [Fact]
    public async Task AdminPage_WarnsWithoutARecentSuccessfulBackup_AndBacksUpNow()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var folder = BackupWorld.TempPath("newsroom-page-");
        var clock = new TestClock(DateTimeOffset.UtcNow);
        try
        {
            await using var app = await NewsroomApp.StartAsync(database, clock: clock, extraSettings: new Dictionary<string, string?> { ["Newsroom:Backup:Directory"] = folder });
            using var admin = await app.SignInAsync("admin");
            var none = await admin.Http.GetAsync(BackupPath);
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
            var page = await none.Content.ReadAsStringAsync();
            Assert.Contains("belum ada cadangan yang berhasil", page, StringComparison.Ordinal);
            Assert.Contains("Belum pernah ada cadangan.", page, StringComparison.Ordinal);

            var posted = await admin.PostFormAsync(BackupPath, []);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var run = await WaitForRunAsync(app, 1);
            Assert.True(run.Succeeded, run.Error);
            Assert.False(run.Scheduled);
            var afterPost = await admin.Http.GetAsync(BackupPath);
            Assert.True(afterPost.StatusCode == HttpStatusCode.OK, $"{afterPost.StatusCode} {afterPost.Headers.Location}");
            var fresh = await afterPost.Content.ReadAsStringAsync();
            Assert.DoesNotContain("backup-warning", fresh, StringComparison.Ordinal);
            Assert.Contains("Berhasil", fresh, StringComparison.Ordinal);
            Assert.Contains(run.Directory, fresh, StringComparison.Ordinal);
            Assert.Contains("manual", fresh, StringComparison.Ordinal);

            // A day later (the desk session has ended by then: sign in again).
            clock.Advance(TimeSpan.FromHours(25));
            using var later = await app.SignInAsync("admin");
            var stale = await later.Http.GetStringAsync(BackupPath);
            Assert.Contains("backup-warning", stale, StringComparison.Ordinal);
            Assert.Contains("lebih dari sehari yang lalu", stale, StringComparison.Ordinal);

            // Not for other roles.
            using var kadis = await app.SignInAsync("kadis");
            var refused = await kadis.Http.GetAsync(BackupPath);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, refused.StatusCode.ToString());
            Assert.DoesNotContain("Cadangkan sekarang", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            BackupWorld.Delete(folder);
        }
    }

    [Fact]
    public async Task AdminPage_WithoutABackupFolder_RefusesTheButtonWith409()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var admin = await app.SignInAsync("admin");
        var posted = await admin.PostFormAsync(BackupPath, []);
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("folder cadangan belum diatur", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string BackupPath = "/admin/cadangan";

    private static async Task<BackupSummary> WaitForRunAsync(NewsroomApp app, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var runs = await scope.ServiceProvider.GetRequiredService<BackupRuns>().RecentAsync(10, CancellationToken.None);
                if (runs.Count >= count)
                {
                    return runs[0];
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "No backup run was recorded within 90 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>A folder carrying a manifest of ours, made at <paramref name="at"/>.</summary>
    private static string FakeBackup(string root, string name, DateTimeOffset at)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(path);
        var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, at, "Sqlite", "lama", "/data", "/keys", new Dictionary<string, IReadOnlyList<string>>(), []);
        File.WriteAllBytes(Path.Combine(path, BackupManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, BackupManifest.Json));
        return path;
    }
}
