namespace Diskominfo.Newsroom.Abstractions.Operations;

/// <summary>What the backup module tells health checks, metrics and the status page about the last backup.</summary>
public interface IBackupStatus
{
    /// <summary>The most recent backup run (successful or not), or null when none was ever taken on this site.</summary>
    Task<BackupSummary?> LastAsync(CancellationToken cancellationToken);

    /// <summary>The most recent successful backup, or null.</summary>
    Task<BackupSummary?> LastSucceededAsync(CancellationToken cancellationToken);
}

/// <summary>One backup run: where it went, how big, how long, and whether it succeeded (with the Indonesian reason when not).</summary>
public sealed record BackupSummary(
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Directory, long Bytes, int Files, bool Succeeded, string? Error, bool Scheduled);
