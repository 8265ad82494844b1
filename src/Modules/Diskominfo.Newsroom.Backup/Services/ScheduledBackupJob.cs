using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Backup.Models;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// The job of the schedule and of the admins' button: a backup into its own timestamped sub-folder of
/// <c>Newsroom:Backup:Directory</c> (office time), then the oldest beyond <c>Newsroom:Backup:Keep</c> are removed;
/// only folders carrying our manifest, never anything else in that folder. A failure is recorded, not retried.
/// </summary>
internal sealed class ScheduledBackupJob(BackupRunner runner, IOptions<BackupOptions> options, TimeProvider clock, ILogger<ScheduledBackupJob> logger)
{
    public const string Queue = "backup";
    public const string RecurringJobId = "backup-scheduled";
    public const string FolderPrefix = "cadangan-";

    [AutomaticRetry(Attempts = 0)]
    [Queue(Queue)]
    public async Task RunAsync(bool scheduled, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (settings.Directory is not { } root)
        {
            var failed = new BackupSummary(now, now, "", 0, 0, false, "Newsroom:Backup:Directory belum diatur: tidak ada folder untuk cadangan.", scheduled);
            await runner.RecordAsync(failed, cancellationToken);
            return;
        }

        Directory.CreateDirectory(root);
        var local = TimeZoneInfo.ConvertTime(now, ScheduleZone(settings));
        var name = FolderPrefix + local.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var target = Path.Combine(root, name);
        for (var n = 2; Directory.Exists(target); n++)
        {
            target = Path.Combine(root, $"{name}-{n}");
        }

        var run = await runner.RunAsync(target, scheduled, cancellationToken);
        if (run.Succeeded)
        {
            Prune(root, Math.Max(1, settings.Keep));
        }
    }

    /// <summary>Removes the oldest finished backups beyond <paramref name="keep"/>, by the time in their manifests.</summary>
    private void Prune(string root, int keep)
    {
        var finished = Directory.EnumerateDirectories(root)
            .Select(d => (Path: d, Manifest: BackupManifest.TryRead(d)))
            .Where(b => b.Manifest is not null)
            .OrderByDescending(b => b.Manifest!.CreatedAt)
            .ToList();
        foreach (var (path, _) in finished.Skip(keep))
        {
            Directory.Delete(path, recursive: true);
            Log.BackupPruned(logger, path, keep);
        }
    }

    public static TimeZoneInfo ScheduleZone(BackupOptions settings)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(settings.Schedule.TimeZone ?? "Asia/Jakarta");
        }
        catch (TimeZoneNotFoundException)
        {
            throw new Infrastructure.Hosting.StartupRefusedException(
                $"Zona waktu cadangan '{settings.Schedule.TimeZone}' (Newsroom:Backup:Schedule:TimeZone) tidak dikenal; contoh: Asia/Jakarta, Asia/Makassar, Asia/Jayapura.");
        }
    }
}
