using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Backup.Data;
using Diskominfo.Newsroom.Backup.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>The record of backup runs (<c>backup_runs</c>): written after each run, read by the admins' page, health and metrics.</summary>
internal sealed class BackupRuns(BackupDbContext db) : IBackupStatus
{
    public async Task RecordAsync(BackupSummary run, CancellationToken cancellationToken)
    {
        db.Runs.Add(new BackupRun
        {
            StartedAt = run.StartedAt,
            FinishedAt = run.FinishedAt,
            Directory = Cut(run.Directory, BackupDbContext.DirectoryLength)!,
            Bytes = run.Bytes,
            Files = run.Files,
            Succeeded = run.Succeeded,
            Error = Cut(run.Error, BackupDbContext.ErrorLength),
            Scheduled = run.Scheduled,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<BackupSummary?> LastAsync(CancellationToken cancellationToken) => FirstAsync(db.Runs, cancellationToken);

    public Task<BackupSummary?> LastSucceededAsync(CancellationToken cancellationToken) => FirstAsync(db.Runs.Where(r => r.Succeeded), cancellationToken);

    /// <summary>The most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<BackupSummary>> RecentAsync(int count, CancellationToken cancellationToken)
        => (await db.Runs.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken)).Select(Summary).ToList();

    private static async Task<BackupSummary?> FirstAsync(IQueryable<BackupRun> runs, CancellationToken cancellationToken)
        => await runs.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken) is { } run ? Summary(run) : null;

    private static BackupSummary Summary(BackupRun r) => new(r.StartedAt, r.FinishedAt, r.Directory, r.Bytes, r.Files, r.Succeeded, r.Error, r.Scheduled);

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
