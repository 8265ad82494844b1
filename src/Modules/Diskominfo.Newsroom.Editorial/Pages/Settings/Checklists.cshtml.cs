using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Editorial.Pages.Settings;

/// <summary>The admin's page for the checklist before submission and signature, per content type and channel.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class ChecklistsModel(EditorialSettings settings, NewsroomDatabase database) : PageModel
{
    public IReadOnlyList<(string Type, IReadOnlyList<ChannelChecks> Channels)> Types { get; private set; } = [];

    [BindProperty]
    public string Type { get; set; } = "";

    /// <summary>Per channel, the codes of the checks ticked.</summary>
    [BindProperty]
    public Dictionary<string, List<string>> Checks { get; set; } = [];

    [BindProperty]
    public int? MinCropPercent { get; set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        Outcome outcome;
        try
        {
            // Every channel of the type or none.
            outcome = await database.InTransactionAsync(async ct =>
            {
                var result = Outcome.Ok();
                foreach (var channel in ChecklistChecks.Channels)
                {
                    result = await settings.SaveChecklistAsync(
                        Type, channel, Checks.GetValueOrDefault(channel) ?? [], MinCropPercent ?? ChecklistChecks.DefaultMinCropPercent, actor, ct);
                    if (!result.Succeeded)
                    {
                        throw new RefusedException(result);
                    }
                }

                return result;
            }, cancellationToken);
        }
        catch (RefusedException refused)
        {
            outcome = refused.Outcome;
        }

        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = $"Daftar periksa {ContentTypes.Label(Type)} disimpan. Berlaku untuk setiap pengajuan dan tanda tangan berikutnya.";
            return Redirect(Endpoints.ChecklistPaths.SettingsPage);
        }

        Message = outcome.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? outcome.Message;
        await LoadAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var types = new List<(string, IReadOnlyList<ChannelChecks>)>();
        foreach (var type in ContentTypes.All.Where(t => t != ContentTypes.Clipping))
        {
            types.Add((type, await settings.ChecklistAsync(type, cancellationToken)));
        }

        Types = types;
    }

    private sealed class RefusedException(Outcome outcome) : Exception(outcome.Message)
    {
        public Outcome Outcome { get; } = outcome;
    }
}
