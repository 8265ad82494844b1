using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Endpoints;
using Diskominfo.Newsroom.Editorial.Settings;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Editorial.Pages.Settings;

/// <summary>The admin's page for approval chains and standard minutes, per content type. Items keep the chain they started with.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class ChainsModel(EditorialSettings settings, NewsroomDatabase database) : PageModel
{
    public IReadOnlyList<DeskToolEndpoints.TypeSettings> Types { get; private set; } = [];

    [BindProperty]
    public string Type { get; set; } = "";

    [BindProperty]
    public List<string?> Chain { get; set; } = [];

    [BindProperty]
    public List<string?> Correction { get; set; } = [];

    /// <summary>The amount of each step's standard time (named for the minutes it held before units).</summary>
    [BindProperty]
    public Dictionary<string, int> Minutes { get; set; } = [];

    /// <summary>The unit of each step's standard time; minutes when not sent.</summary>
    [BindProperty]
    public Dictionary<string, string> Units { get; set; } = [];

    /// <summary>Where a return goes (<see cref="ReturnModes"/>); unchanged when not sent.</summary>
    [BindProperty]
    public string? ReturnTo { get; set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Types = await settings.OverviewAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        Outcome outcome;
        try
        {
            // All of the form or nothing: a refusal of the last field undoes the ones saved before it.
            outcome = await database.InTransactionAsync(async ct =>
            {
                var result = await settings.SaveChainAsync(Type, ChainKinds.Standard, Roles(Chain), actor, ct);
                if (result.Succeeded)
                {
                    result = await settings.SaveChainAsync(Type, ChainKinds.Correction, Roles(Correction), actor, ct);
                }

                if (result.Succeeded && ReturnTo is not null)
                {
                    result = await settings.SaveReturnModeAsync(Type, ReturnTo, actor, ct);
                }

                foreach (var (step, amount) in Minutes)
                {
                    if (!result.Succeeded)
                    {
                        break;
                    }

                    var unit = Units.GetValueOrDefault(step) ?? Abstractions.Calendar.StandardTimeUnits.Minutes;
                    result = await settings.SaveStandardAsync(Type, step, new Abstractions.Calendar.StandardTime(amount, unit), actor, ct);
                }

                return result.Succeeded ? result : throw new RefusedException(result);
            }, cancellationToken);
        }
        catch (RefusedException refused)
        {
            outcome = refused.Outcome;
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

    private sealed class RefusedException(Outcome outcome) : Exception(outcome.Message)
    {
        public Outcome Outcome { get; } = outcome;
    }

    private static List<string> Roles(IEnumerable<string?> picked) => picked.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!).ToList();
}
