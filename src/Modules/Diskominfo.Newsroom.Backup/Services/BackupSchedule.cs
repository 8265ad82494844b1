using System.Globalization;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// At start-up: the daily backup becomes a Hangfire recurring job at <c>Newsroom:Backup:Schedule:TimeOfDay</c> in the
/// office's time zone, or is removed when that setting is empty. A time that is not <c>HH:mm</c>, or a schedule without
/// a folder, stops the start with the reason.
/// </summary>
internal sealed class BackupSchedule(IRecurringJobManager recurring, IOptions<BackupOptions> options, ILogger<BackupSchedule> logger) : IStartupTask
{
    public int Order => 110;

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Schedule.TimeOfDay))
        {
            recurring.RemoveIfExists(ScheduledBackupJob.RecurringJobId);
            return Task.CompletedTask;
        }

        if (!TimeOnly.TryParseExact(settings.Schedule.TimeOfDay.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new StartupRefusedException(
                $"Situs tidak dijalankan: jam cadangan '{settings.Schedule.TimeOfDay}' (Newsroom:Backup:Schedule:TimeOfDay) harus berbentuk JJ:MM, mis. 02:30; kosongkan untuk mematikan.");
        }

        if (settings.Directory is null)
        {
            throw new StartupRefusedException(
                "Situs tidak dijalankan: cadangan terjadwal diatur (Newsroom:Backup:Schedule:TimeOfDay) tetapi foldernya belum (Newsroom:Backup:Directory).");
        }

        var zone = ScheduledBackupJob.ScheduleZone(settings);
        recurring.AddOrUpdate<ScheduledBackupJob>(
            ScheduledBackupJob.RecurringJobId,
            ScheduledBackupJob.Queue,
            j => j.RunAsync(true, CancellationToken.None),
            CronFor(time),
            new RecurringJobOptions { TimeZone = zone });
        Log.Scheduled(logger, time.ToString("HH:mm", CultureInfo.InvariantCulture), zone.Id, settings.Directory, settings.Keep);
        return Task.CompletedTask;
    }

    public static string CronFor(TimeOnly time) => $"{time.Minute} {time.Hour} * * *";
}
