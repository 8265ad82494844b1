using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Diskominfo.Newsroom.Users.Pages.Profile;

/// <summary>"Lupa kata sandi": the same answer whether or not the address belongs to an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(UsersRateLimits.PasswordReset)]
internal sealed class ForgotModel(PasswordRecovery recovery) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        recovery.Request(Email, HttpContext.Connection.RemoteIpAddress?.ToString());
        Sent = true;
        return Page();
    }
}
