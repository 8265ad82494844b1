using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Models;
using Diskominfo.Newsroom.Coverage.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Coverage.Pages.Coverage;

/// <summary>
/// One assignment: the activity, the disposition, the Kasi's assignment form, the assignees' report form (photos from
/// the camera), the Kasi's and the head's decisions on the report, and the press release started from it.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[RequestSizeLimit(MaxReportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxReportBytes, ValueCountLimit = 200)]
internal sealed class AssignmentModel(
    AssignmentQueries queries, AssignmentService assignments, IOrganization organization, IUserDirectory users, TimeProvider clock) : PageModel
{
    /// <summary>A report sent from the desk at once: several phone photos.</summary>
    public const long MaxReportBytes = 100L * 1024 * 1024;

    [FromRoute]
    public Guid Id { get; set; }

    public AssignmentView Assignment { get; private set; } = null!;

    public bool IsMember { get; private set; }

    public bool MayAssign { get; private set; }

    public bool MayCheck { get; private set; }

    public bool MayApprove { get; private set; }

    public IReadOnlyList<DirectoryUser> Staff { get; private set; } = [];

    public string? Error { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [TempData]
    public string? Flash { get; set; }

    public bool MayReport => IsMember && Assignment.Status is AssignmentStatuses.Assigned or AssignmentStatuses.Returned;

    public bool MayStartPressRelease => IsMember && Assignment.Report?.FiledAt is not null && Assignment.PressReleaseId is null;

    public static IReadOnlyDictionary<string, string> Categories => NewsCategory.All;

    public IReadOnlyList<string> ErrorsOf(string field) => Errors.GetValueOrDefault(field) ?? [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(List<string>? reporterIds, string? photographerId, string? note, CancellationToken cancellationToken)
        => await AfterAsync(await assignments.AssignAsync(Id, new AssignInput(reporterIds, photographerId, note), Me, cancellationToken), "Petugas ditugaskan dan diberi tahu.", cancellationToken);

    public async Task<IActionResult> OnPostReportAsync(string? text, string? videoUrl, List<IFormFile>? photos, CancellationToken cancellationToken)
    {
        var uploaded = new List<UploadedPhoto>();
        foreach (var file in (photos ?? []).Where(f => f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            uploaded.Add(new UploadedPhoto(file.FileName, buffer.ToArray()));
        }

        return await AfterAsync(await assignments.FileReportAsync(Id, new ReportInput(text, videoUrl, uploaded), Me, cancellationToken), "Laporan liputan disampaikan kepada Kasi.", cancellationToken);
    }

    public async Task<IActionResult> OnPostForwardAsync(string? note, CancellationToken cancellationToken)
        => await AfterAsync(await assignments.ForwardAsync(Id, new NoteInput(note), Me, cancellationToken), "Laporan diteruskan kepada pimpinan.", cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(string? note, CancellationToken cancellationToken)
        => await AfterAsync(await assignments.ApproveAsync(Id, new NoteInput(note), Me, cancellationToken), "Laporan liputan disahkan.", cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(string? note, CancellationToken cancellationToken)
        => await AfterAsync(await assignments.ReturnAsync(Id, new NoteInput(note), Me, cancellationToken), "Laporan dikembalikan kepada petugas.", cancellationToken);

    public async Task<IActionResult> OnPostPressReleaseAsync(List<Guid>? photoIds, string? category, CancellationToken cancellationToken)
    {
        var outcome = await assignments.CreatePressReleaseAsync(Id, new PressReleaseInput(photoIds, category), Me, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await ShowAsync(outcome, cancellationToken);
        }

        TempData[Abstractions.Admin.DeskPaths.FlashKey] = "Draf siaran pers dibuat dari laporan liputan. Periksa teksnya lalu ajukan.";
        return Redirect(Abstractions.Admin.DeskPaths.Item(outcome.Value));
    }

    private Actor Me => Actor.FromPrincipal(User)!;

    private async Task<IActionResult> AfterAsync(Outcome outcome, string done, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded)
        {
            return await ShowAsync(outcome, cancellationToken);
        }

        Flash = done;
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> ShowAsync(Outcome? refusal, CancellationToken cancellationToken)
    {
        var actor = Me;
        var found = await queries.GetAsync(Id, actor, cancellationToken);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Assignment = found.Value!;
        IsMember = Assignment.Assignees.Any(m => m.UserId == actor.UserId);
        var now = clock.GetUtcNow();
        MayAssign = Assignment.Status is AssignmentStatuses.Dispositioned or AssignmentStatuses.Assigned
            && (await organization.AuthorizeStepAsync(actor, NewsroomRoles.Kasi, Assignment.Section.Id, now, cancellationToken)).Succeeded;
        MayCheck = Assignment.Status == AssignmentStatuses.Reported
            && (await organization.AuthorizeStepAsync(actor, NewsroomRoles.Kasi, Assignment.Section.Id, now, cancellationToken)).Succeeded;
        MayApprove = Assignment.Status == AssignmentStatuses.Forwarded
            && (await organization.AuthorizeStepAsync(actor, Assignment.Disposition.Role, Assignment.Section.Id, now, cancellationToken)).Succeeded;
        if (MayAssign)
        {
            var staff = new List<DirectoryUser>();
            foreach (var role in NewsroomRoles.All.Where(r => r is not NewsroomRoles.Admin))
            {
                staff.AddRange(await users.ListInRoleAsync(role, cancellationToken));
            }

            Staff = [.. staff.DistinctBy(u => u.Id).OrderBy(u => !u.IsInRole(NewsroomRoles.Reporter)).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture)];
        }

        if (refusal is null)
        {
            return Page();
        }

        Error = refusal.Message;
        Errors = refusal.Errors ?? new Dictionary<string, string[]>();
        return Page().WithStatusOf(refusal);
    }
}
