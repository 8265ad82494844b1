using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Publishing.Connections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Publishing.Pages.Channels;

/// <summary>The admin connects the Facebook Page and the Instagram account, tests them and sees when their tokens expire.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class IndexModel(ChannelDirectory directory) : PageModel
{
    public IReadOnlyList<ChannelOverview> Channels { get; private set; } = [];

    [BindProperty]
    public string Channel { get; set; } = "";

    [BindProperty]
    public string? TargetId { get; set; }

    [BindProperty]
    public string? AccessToken { get; set; }

    [BindProperty]
    public string? GraphBaseUrl { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Channels = await directory.OverviewAsync(cancellationToken);

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        var outcome = await directory.ConnectAsync(Channel, new ChannelDirectory.ConnectRequest(TargetId, AccessToken, GraphBaseUrl), Actor.FromPrincipal(User)!, cancellationToken);
        return await AfterAsync(outcome, outcome.Value is { } o ? $"Kanal {o.Label} disimpan. {o.StatusLabel}: {o.Note}" : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        var outcome = await directory.TestAsync(Channel, cancellationToken);
        return await AfterAsync(outcome, outcome.Value is { } o ? $"Uji sambungan {o.Label}: {o.StatusLabel}. {o.Note}" : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        var outcome = await directory.RemoveAsync(Channel, Actor.FromPrincipal(User)!, cancellationToken);
        return await AfterAsync(outcome, "Kanal diputus dan tokennya dihapus.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Outcome outcome, string? flash, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = flash;
            return Redirect(ChannelDirectory.SettingsPath);
        }

        Message = outcome.Message;
        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        Channels = await directory.OverviewAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }
}
