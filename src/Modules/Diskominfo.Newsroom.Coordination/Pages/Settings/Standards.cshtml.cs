using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coordination.Models;
using Diskominfo.Newsroom.Coordination.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Coordination.Pages.Settings;

/// <summary>The admin's page of the coordination flow's standard times (SOP defaults), in minutes, hours or working days.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class StandardsModel(CoordinationStandards standards) : PageModel
{
    public IReadOnlyDictionary<string, StandardTime> Current { get; private set; } = new Dictionary<string, StandardTime>();

    [BindProperty]
    public Dictionary<string, int> Amount { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string> Unit { get; set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Current = await standards.CurrentAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var values = CoordinationSteps.All
            .Where(step => Amount.ContainsKey(step) || Unit.ContainsKey(step))
            .ToDictionary(step => step, step => new StandardTime(Amount.GetValueOrDefault(step), Unit.GetValueOrDefault(step) ?? ""));
        var outcome = await standards.SaveAsync(values, Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = "Waktu baku kegiatan disimpan.";
            return Redirect(CoordinationPaths.Settings);
        }

        Message = string.Join(" ", outcome.Errors?.Values.SelectMany(m => m) ?? [outcome.Message ?? ""]);
        Current = await standards.CurrentAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }
}
