using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Users.Pages.Profile;

/// <summary>I change my password (the first thing to do after signing in with a one-time password).</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class PasswordModel(PasswordChanger changer, SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? RepeatPassword { get; set; }

    public bool Forced => AccountClaims.MustChange(User);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(NewPassword, RepeatPassword, StringComparison.Ordinal))
        {
            Errors = new Dictionary<string, string[]> { ["repeatPassword"] = ["Ulangan kata sandi baru tidak sama."] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await changer.ChangeAsync(Actor.FromPrincipal(User)!, CurrentPassword, NewPassword, cancellationToken);
        if (outcome.Value is { } user)
        {
            // The new stamp would end this session too: it is signed in again, keeping its sign-in time.
            await signIn.RefreshSignInAsync(user);
            TempData[DeskPaths.FlashKey] = "Kata sandi diganti. Sesi di perangkat lain berakhir dalam satu menit.";
            return Redirect(AccountsFeature.ProfilePath);
        }

        Message = outcome.Message;
        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        return Page().WithStatusOf(outcome);
    }
}
