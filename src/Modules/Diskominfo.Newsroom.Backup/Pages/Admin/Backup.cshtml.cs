using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Backup.Services;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Backup.Pages.Admin;

/// <summary>
/// The last backup (time, size, files, folder, result), a warning when the last successful one is more than a day old
/// (or there is none), the settings, and the button that starts one now.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class BackupModel(BackupRuns runs, IBackgroundJobClient jobs, IOptions<BackupOptions> options, TimeProvider clock) : PageModel
{
    /// <summary>How old the last successful backup may be before the page warns.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public BackupSummary? Last { get; private set; }

    public IReadOnlyList<BackupSummary> Recent { get; private set; } = [];

    public string? Warning { get; private set; }

    public string? Error { get; private set; }

    public BackupOptions Settings => options.Value;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Settings.Directory is null)
        {
            Error = "Tidak dapat mencadangkan: folder cadangan belum diatur (Newsroom:Backup:Directory). Atur dahulu, atau pakai perintah backup --to FOLDER.";
            await LoadAsync(cancellationToken);
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }

        jobs.Enqueue<ScheduledBackupJob>(j => j.RunAsync(false, CancellationToken.None));
        Flash = $"Pencadangan dimulai ke {Settings.Directory}. Muat ulang halaman ini untuk melihat hasilnya.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Recent = await runs.RecentAsync(10, cancellationToken);
        Last = Recent.Count > 0 ? Recent[0] : null;
        var succeeded = await runs.LastSucceededAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Warning = succeeded is null
            ? "Peringatan: belum ada cadangan yang berhasil. Cadangkan sekarang, dan atur cadangan terjadwal."
            : now - succeeded.FinishedAt > MaxAge
                ? $"Peringatan: cadangan terakhir yang berhasil sudah lebih dari sehari yang lalu ({IndonesianTime.Short(succeeded.FinishedAt)}, {IndonesianTime.Duration(now - succeeded.FinishedAt)})."
                : null;
    }
}
