using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Organization.Pages.Structure;

/// <summary>The office's bidang and seksi with their heads and people; everyone on the desk reads it, admins add to it.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class IndexModel(SectionService sections, DelegationService delegations) : PageModel
{
    public IReadOnlyList<SectionView> Sections { get; private set; } = [];

    public IReadOnlyList<DelegationView> InForce { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>Which add form was refused ("bidang" or "seksi"), to show its errors beside it.</summary>
    public string? FailedForm { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? ParentId { get; set; }

    public IEnumerable<SectionView> Bidang => Sections.Where(s => s.Kind == SectionKinds.Bidang);

    public IEnumerable<SectionView> SeksiOf(Guid bidangId) => Sections.Where(s => s.Kind == SectionKinds.Seksi && s.ParentId == bidangId);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostBidangAsync(CancellationToken cancellationToken)
        => CreateAsync(SectionKinds.Bidang, null, cancellationToken);

    public Task<IActionResult> OnPostSeksiAsync(CancellationToken cancellationToken)
        => CreateAsync(SectionKinds.Seksi, ParentId, cancellationToken);

    private async Task<IActionResult> CreateAsync(string kind, string? parentId, CancellationToken cancellationToken)
    {
        var outcome = await sections.CreateAsync(new SectionInput(kind, Name, Code, parentId), Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = kind == SectionKinds.Bidang ? $"Bidang {outcome.Value!.Name} ditambahkan." : $"Seksi {outcome.Value!.Name} ditambahkan.";
            return Redirect(OrganizationPaths.Structure);
        }

        FailedForm = kind;
        Errors = FormErrors.From(outcome);
        await LoadAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanEdit = Actor.FromPrincipal(User)!.IsInRole(NewsroomRoles.Admin);
        Sections = await sections.ListAsync(cancellationToken);
        InForce = await delegations.ListAsync(inForceOnly: true, cancellationToken);
    }
}
