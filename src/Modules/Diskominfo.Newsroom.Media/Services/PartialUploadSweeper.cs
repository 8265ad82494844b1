using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Removes resumable uploads past their lifetime (unfinished ones and the record of finished ones), and stray files of
/// the partial folder older than the lifetime. Runs every hour.
/// </summary>
internal sealed class PartialUploadSweeper(PartialUploadStore store, ResumableUploadService uploads, TimeProvider clock, ILogger<PartialUploadSweeper> logger)
{
    public const string RecurringJobId = "media-partial-upload-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var removed = 0;
        foreach (var (id, lastWrite) in (await store.ListAsync(cancellationToken)).OrderByDescending(f => f.LastWriteUtc).DistinctBy(f => f.Id).ToList())
        {
            var upload = await store.FindAsync(id, cancellationToken);
            var expired = upload is null ? lastWrite + uploads.Lifetime <= now.UtcDateTime : upload.ExpiresAt <= now;
            if (expired)
            {
                await store.DeleteAsync(id, cancellationToken);
                removed++;
            }
        }

        if (removed > 0)
        {
            Log.PartialUploadsSwept(logger, removed);
        }

        return removed;
    }
}
