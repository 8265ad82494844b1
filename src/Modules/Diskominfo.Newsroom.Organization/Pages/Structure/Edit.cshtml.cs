using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Organization.Pages.Structure;

/// <summary>An admin changes a bidang or seksi: name, code, its bidang, or deactivates it.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class EditModel(SectionService sections) : PageModel
{
    public SectionView Section { get; private set; } = null!;

    public IReadOnlyList<SectionView> Bidang { get; private set; } = [];

    public FormErrors Errors { get; private set; } = FormErrors.None;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? ParentId { get; set; }

    [BindProperty]
    public bool Active { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        (Name, Code, ParentId, Active) = (Section.Name, Section.Code, Section.ParentId?.ToString(), Section.Active);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await sections.UpdateAsync(id, new SectionInput(null, Name, Code, ParentId, Active), Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = $"{(outcome.Value!.Kind == SectionKinds.Bidang ? "Bidang" : "Seksi")} {outcome.Value.Name} disimpan.";
            return Redirect(OrganizationPaths.Structure);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Errors = FormErrors.From(outcome);
        return Page().WithStatusOf(outcome);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var all = await sections.ListAsync(cancellationToken);
        if (all.FirstOrDefault(s => s.Id == id) is not { } section)
        {
            return false;
        }

        Section = section;
        Bidang = [.. all.Where(s => s.Kind == SectionKinds.Bidang && (s.Active || s.Id == section.ParentId))];
        return true;
    }
}
