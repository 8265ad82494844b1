using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Models;
using Diskominfo.Newsroom.Coverage.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Coverage.Pages.Settings;

/// <summary>The standard times (mutu baku: waktu) of the coverage SOP's steps, in minutes, hours or working days (admins).</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class CoverageStandardsModel(CoverageStandards standards) : PageModel
{
    public IReadOnlyDictionary<string, StandardTime> Current { get; private set; } = new Dictionary<string, StandardTime>();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Current = await standards.GetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var posted = new Dictionary<string, StandardTime>();
        var errors = new Dictionary<string, string[]>();
        foreach (var step in CoverageSteps.All)
        {
            var amount = Request.Form[$"amount-{step.Step}"].ToString();
            var unit = Request.Form[$"unit-{step.Step}"].ToString();
            if (!int.TryParse(amount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                errors[step.Step] = ["Waktu baku harus bilangan bulat."];
                continue;
            }

            posted[step.Step] = new StandardTime(value, unit);
        }

        var outcome = errors.Count > 0 ? Abstractions.Results.Outcome.Invalid(errors) : await standards.SaveAsync(posted, cancellationToken);
        if (outcome.Succeeded)
        {
            Flash = "Waktu baku peliputan disimpan.";
            return RedirectToPage();
        }

        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        var current = await standards.GetAsync(cancellationToken);
        Current = CoverageSteps.All.ToDictionary(s => s.Step, s => posted.GetValueOrDefault(s.Step) ?? current[s.Step]);
        return Page().WithStatusOf(outcome);
    }
}
