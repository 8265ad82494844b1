using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Backup;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {Directory}: {Files} files, {Bytes} bytes")]
    public static partial void BackupWritten(ILogger logger, string directory, int files, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup to {Directory} failed")]
    public static partial void BackupFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The backup run could not be recorded in backup_runs")]
    public static partial void RunNotRecorded(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Old backup {Directory} removed (keeping {Keep})")]
    public static partial void BackupPruned(ILogger logger, string directory, int keep);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backup at {TimeOfDay} ({TimeZone}) into {Directory}, keeping {Keep}")]
    public static partial void Scheduled(ILogger logger, string timeOfDay, string timeZone, string directory, int keep);
}
