using Diskominfo.Newsroom.Abstractions.Operations;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>One backup run, by the command or the job: written by <see cref="BackupWriter"/>, then recorded either way.</summary>
internal sealed class BackupRunner(BackupWriter writer, BackupRuns runs, TimeProvider clock, ILogger<BackupRunner> logger)
{
    /// <summary>
    /// Writes the backup into <paramref name="target"/> and records the run. A refusal (<see cref="BackupRefusedException"/>:
    /// the folder is not empty...) is thrown before anything is written and is not a run; any other failure is recorded,
    /// the partial folder removed, and returned as a failed summary.
    /// </summary>
    public async Task<BackupSummary> RunAsync(string target, bool scheduled, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        BackupSummary summary;
        try
        {
            var manifest = await writer.WriteAsync(target, cancellationToken);
            var manifestBytes = new FileInfo(Path.Combine(target, Models.BackupManifest.FileName)).Length;
            summary = new BackupSummary(started, clock.GetUtcNow(), Path.GetFullPath(target), manifest.Bytes + manifestBytes, manifest.Files.Count + 1, true, null, scheduled);
            Log.BackupWritten(logger, summary.Directory, summary.Files, summary.Bytes);
        }
        catch (BackupRefusedException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.BackupFailed(logger, e, target);
            TryDelete(target);
            summary = new BackupSummary(started, clock.GetUtcNow(), Path.GetFullPath(target), 0, 0, false, $"Pencadangan gagal: {e.Message}", scheduled);
        }

        await RecordAsync(summary, cancellationToken);
        return summary;
    }

    /// <summary>Records a run; also one that could not even start (no folder set).</summary>
    public async Task RecordAsync(BackupSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            await runs.RecordAsync(summary, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The backup stands even when its record cannot be written (a database not yet migrated to this version).
            Log.RunNotRecorded(logger, e);
        }
    }

    /// <summary>Removes what a failed run left, unless it is a finished backup (it carries a manifest).</summary>
    private static void TryDelete(string target)
    {
        try
        {
            if (Directory.Exists(target) && !File.Exists(Path.Combine(target, Models.BackupManifest.FileName)))
            {
                Directory.Delete(target, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
