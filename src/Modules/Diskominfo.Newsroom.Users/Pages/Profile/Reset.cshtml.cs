using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Diskominfo.Newsroom.Users.Pages.Profile;

/// <summary>The page a reset link opens: choose a new password, once, within the hour.</summary>
[AllowAnonymous]
[EnableRateLimiting(UsersRateLimits.PasswordReset)]
internal sealed class ResetModel(PasswordRecovery recovery) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? RepeatPassword { get; set; }

    public bool Done { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet()
    {
        if (ResetLinks.Decode(Token) is null)
        {
            Errors = new Dictionary<string, string[]> { ["token"] = [IdentityErrors.InvalidResetToken] };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(NewPassword, RepeatPassword, StringComparison.Ordinal))
        {
            Errors = new Dictionary<string, string[]> { ["repeatPassword"] = ["Ulangan kata sandi baru tidak sama."] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await recovery.ResetAsync(Token, NewPassword, cancellationToken);
        if (outcome.Succeeded)
        {
            Done = true;
            return Page();
        }

        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        return Page().WithStatusOf(outcome);
    }
}
