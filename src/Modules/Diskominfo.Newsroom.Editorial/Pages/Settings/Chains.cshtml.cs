using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Endpoints;
using Diskominfo.Newsroom.Editorial.Settings;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Editorial.Pages.Settings;

/// <summary>The admin's page for approval chains and standard minutes, per content type. Items keep the chain they started with.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class ChainsModel(EditorialSettings settings) : PageModel
{
    public IReadOnlyList<DeskToolEndpoints.TypeSettings> Types { get; private set; } = [];

    [BindProperty]
    public string Type { get; set; } = "";

    [BindProperty]
    public List<string?> Chain { get; set; } = [];

    [BindProperty]
    public List<string?> Correction { get; set; } = [];

    [BindProperty]
    public Dictionary<string, int> Minutes { get; set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Types = await settings.OverviewAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        var outcome = await settings.SaveChainAsync(Type, ChainKinds.Standard, Roles(Chain), actor, cancellationToken);
        if (outcome.Succeeded)
        {
            outcome = await settings.SaveChainAsync(Type, ChainKinds.Correction, Roles(Correction), actor, cancellationToken);
        }

        foreach (var (step, minutes) in Minutes)
        {
            if (!outcome.Succeeded)
            {
                break;
            }

            outcome = await settings.SaveStandardAsync(Type, step, minutes, actor, cancellationToken);
        }

        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = "Pengaturan alur disimpan. Naskah baru memakai alur ini; naskah yang sudah berjalan tetap memakai alurnya.";
            return Redirect("/admin/pengaturan/alur");
        }

        Message = outcome.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? outcome.Message;
        Types = await settings.OverviewAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }

    private static List<string> Roles(IEnumerable<string?> picked) => picked.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!).ToList();
}
