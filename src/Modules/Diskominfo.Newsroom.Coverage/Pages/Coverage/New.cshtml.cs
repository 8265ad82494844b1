using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Models;
using Diskominfo.Newsroom.Coverage.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Coverage.Pages.Coverage;

/// <summary>The head's disposition of coverage from an activity on the schedule: the seksi and the instruction.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class NewModel(IActivitySchedule schedule, IOrganization organization, AssignmentService assignments, IOptions<CoverageOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "activity")]
    public Guid? ActivityId { get; set; }

    [BindProperty]
    public Guid? SectionId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public ScheduledActivity? Activity { get; private set; }

    public IReadOnlyList<OrgSection> Sections { get; private set; } = [];

    public string? Error { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MayDisposition())
        {
            return Forbid();
        }

        return await ShowAsync(null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayDisposition())
        {
            return Forbid();
        }

        var outcome = await assignments.DispositionAsync(new DispositionInput(ActivityId, SectionId, Note), Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            Flash = "Peliputan didisposisikan; Kasi seksi diberi tahu.";
            return Redirect(CoverageNotices.Link(outcome.Value));
        }

        return await ShowAsync(outcome, cancellationToken);
    }

    private bool MayDisposition() => options.Value.DispositionRoles.Any(User.IsInRole);

    private async Task<IActionResult> ShowAsync(Outcome? refusal, CancellationToken cancellationToken)
    {
        Sections = [.. (await organization.ListSectionsAsync(cancellationToken)).Where(s => s.Active && s.Kind == SectionKinds.Seksi).OrderBy(s => s.Name, StringComparer.CurrentCulture)];
        Activity = ActivityId is { } id ? await schedule.FindAsync(id, cancellationToken) : null;
        if (refusal is null && Activity is null)
        {
            refusal = Outcome.NotFound("Kegiatan tidak ditemukan. Buka disposisi dari halaman kegiatan di jadwal kegiatan.");
        }
        else if (refusal is null && !Activity!.OnSchedule)
        {
            refusal = Outcome.Conflict("Kegiatan ini belum ada di jadwal kegiatan (belum disetujui Kadis): peliputan belum dapat didisposisikan.");
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
