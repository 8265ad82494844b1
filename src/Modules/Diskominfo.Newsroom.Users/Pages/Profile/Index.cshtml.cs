using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Users.Pages.Profile;

/// <summary>My profile: what the admin keeps (name, NIP, roles, section) to read; my contact details and photo credit to change; sign out everywhere.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class IndexModel(UserQueries queries, ProfileEditor editor, SessionRevoker revoker, SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? PhotoCredit { get; set; }

    public UserView? Me { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Me = await queries.GetAsync(Actor.FromPrincipal(User)!.UserId, cancellationToken);
        if (Me is null)
        {
            return NotFound();
        }

        Email = Me.Email;
        Phone = Me.Phone;
        PhotoCredit = Me.PhotoCredit;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        var outcome = await editor.UpdateAsync(actor, Email, Phone, PhotoCredit, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = "Profil disimpan.";
            return Redirect(AccountsFeature.ProfilePath);
        }

        Me = await queries.GetAsync(actor.UserId, cancellationToken);
        Message = outcome.Message;
        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        return Page().WithStatusOf(outcome);
    }

    /// <summary>Every session and token of mine ends, this one too.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await revoker.SignOutEverywhereAsync(Actor.FromPrincipal(User)!, cancellationToken);
        await signIn.SignOutAsync();
        return Redirect("/masuk");
    }
}
