using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Pages.Photos;

/// <summary>
/// Uploading a photo from the desk. A refused file is explained in Indonesian under a 4xx status, and the item is
/// left exactly as it was.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Published)]
[EnableRateLimiting(MediaRateLimits.Upload)]
[RequestSizeLimit(MediaOptions.DefaultMaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MediaOptions.DefaultMaxBytes, ValueCountLimit = 16)]
internal sealed class UploadModel(UploadService uploads, IOptions<MediaOptions> options) : PageModel
{
    /// <summary>The largest photo, said on the page and checked by the script before sending.</summary>
    public long MaxBytes => options.Value.MaxBytes;

    public Guid Id { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(Guid id) => Id = id;

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, string? caption, string? credit, CancellationToken cancellationToken)
    {
        Id = id;
        if (file is null || file.Length == 0)
        {
            return Refused(Outcome.Invalid("file", "Pilih berkas foto terlebih dahulu."));
        }

        var outcome = await uploads.UploadAsync(id, file, caption, credit, Actor.FromPrincipal(User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refused(outcome);
        }

        TempData[DeskPaths.FlashKey] = $"Foto {file.FileName} terlampir.";
        return Redirect(DeskPaths.Item(id));
    }

    private PageResult Refused(Outcome outcome)
    {
        Error = outcome.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.SelectMany(e => e)) : outcome.Message;
        return Page().WithStatusOf(outcome);
    }
}
