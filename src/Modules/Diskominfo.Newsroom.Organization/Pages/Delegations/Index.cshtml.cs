using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Organization.Pages.Delegations;

/// <summary>
/// Acting officials: in force, upcoming and past. The Kadis and admins appoint (kind, post, delegate, dates, letter) and
/// revoke; everyone else on the desk reads the list.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class IndexModel(DelegationService delegations, OrgChart chart, StaffDirectory staff) : PageModel
{
    public IReadOnlyList<DelegationView> InForce { get; private set; } = [];

    public IReadOnlyList<DelegationView> Upcoming { get; private set; } = [];

    public IReadOnlyList<DelegationView> Past { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// <summary>The posts one may be appointed to, as the select's value ("kadis", "kabid:{id}", "kasi:{id}") and title.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Posts { get; private set; } = [];

    public IReadOnlyList<DirectoryUser> People { get; private set; } = [];

    public FormErrors Errors { get; private set; } = FormErrors.None;

    [BindProperty]
    public string Kind { get; set; } = DelegationKinds.Plh;

    [BindProperty]
    public string? Post { get; set; }

    [BindProperty]
    public string? DelegateUserId { get; set; }

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (role, scope) = Post?.Split(':', 2) is [var r, var s] ? (r, s) : (Post, null);
        var outcome = await delegations.AppointAsync(
            new DelegationInput(role, scope, DelegateUserId, From, To, Reference, Kind), Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = $"{outcome.Value!.DelegateName} ditunjuk sebagai {outcome.Value.Title}.";
            return Redirect(OrganizationPaths.Delegations);
        }

        Errors = FormErrors.From(outcome);
        await LoadAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await delegations.RevokeAsync(id, Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = "Penunjukan dicabut; sejak saat ini ia tidak lagi bertindak atas jabatan itu.";
            return Redirect(OrganizationPaths.Delegations);
        }

        Errors = FormErrors.From(outcome);
        await LoadAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = DelegationService.MayManage(Actor.FromPrincipal(User)!);
        var all = await delegations.ListAsync(inForceOnly: false, cancellationToken);
        InForce = [.. all.Where(d => d.Status == "active").OrderBy(d => d.To)];
        Upcoming = [.. all.Where(d => d.Status == "upcoming").OrderBy(d => d.From)];
        Past = [.. all.Where(d => d.Status is "past" or "revoked")];
        if (!CanManage)
        {
            return;
        }

        var structure = await chart.LoadAsync(cancellationToken);
        var posts = new List<KeyValuePair<string, string>> { new(NewsroomRoles.Kadis, structure.KadisTitle) };
        foreach (var bidang in structure.Sections.Where(s => s.IsBidang && s.Active))
        {
            posts.Add(new($"{NewsroomRoles.Kabid}:{bidang.Id}", structure.Title(NewsroomRoles.Kabid, bidang.Id)));
            posts.AddRange(structure.SeksiOf(bidang.Id).Where(s => s.Active)
                .Select(s => new KeyValuePair<string, string>($"{NewsroomRoles.Kasi}:{s.Id}", structure.Title(NewsroomRoles.Kasi, s.Id))));
        }

        Posts = posts;
        People = await staff.AllAsync(cancellationToken);
    }
}
