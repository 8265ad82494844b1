using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Calendar.Models;
using Diskominfo.Newsroom.Calendar.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Calendar.Pages.OfficeCalendar;

/// <summary>
/// One's own calendar feed address: make it (its addresses are shown once), make a new one (the old stops working), or
/// revoke it. The address alone lets a phone's calendar read what this person may see.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class SubscriptionModel(FeedTokens tokens, CalendarFeeds feeds) : PageModel
{
    public FeedToken? Active { get; private set; }

    /// <summary>The https address of a token just made: shown on this response only.</summary>
    public string? HttpsAddress { get; private set; }

    public string? WebcalAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Active = await tokens.ActiveAsync(Actor.FromPrincipal(User)!.UserId, cancellationToken);

    public async Task<IActionResult> OnPostBuatAsync(CancellationToken cancellationToken)
    {
        var userId = Actor.FromPrincipal(User)!.UserId;
        var token = await tokens.IssueAsync(userId, cancellationToken);
        var site = feeds.SiteBase(Request);
        var address = new Uri(site, $"kalender/{token}.ics");
        HttpsAddress = address.AbsoluteUri;
        WebcalAddress = $"webcal://{address.Authority}{address.AbsolutePath}";
        Active = await tokens.ActiveAsync(userId, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostCabutAsync(CancellationToken cancellationToken)
    {
        var revoked = await tokens.RevokeAsync(Actor.FromPrincipal(User)!.UserId, cancellationToken);
        TempData[DeskPaths.FlashKey] = revoked
            ? "Alamat kalender dicabut; aplikasi kalender yang memakainya tidak lagi menerima jadwal."
            : "Tidak ada alamat kalender yang aktif.";
        return Redirect(CalendarModule.SubscriptionPath);
    }
}
