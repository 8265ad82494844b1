using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Diskominfo.Newsroom.Users.Pages;

/// <summary>
/// The sign-in form: one answer for an unknown user and a wrong password; with two-factor sign-in on, the second step
/// at <c>/masuk/2fa</c> (the account waits in Identity's short-lived two-factor cookie).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(UsersRateLimits.SignIn)]
internal sealed class MasukModel(SignInManager<NewsroomUser> signIn, SignInGuard guard) : PageModel
{
    /// <summary>Where a sign-in goes when it was given no local page to go back to.</summary>
    public const string DeskHome = "/admin";

    [BindProperty]
    [Required]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Nama pengguna dan kata sandi wajib diisi.");
        }

        var check = await guard.CheckPasswordAsync(UserName, Password, SignInChannel.Form, cancellationToken);
        switch (check.Verdict)
        {
            case SignInVerdict.Succeeded:
                await signIn.SignInAsync(check.User!, isPersistent: false);
                return LocalRedirect(LocalRedirects.Or(ReturnUrl, DeskHome));
            case SignInVerdict.TwoFactorRequired:
                var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, check.User!.Id)], IdentityConstants.TwoFactorUserIdScheme);
                await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
                return LocalRedirect(MasukDuaLangkahModel.PathFor(ReturnUrl));
            case SignInVerdict.LockedOut:
                return Refuse(StatusCodes.Status429TooManyRequests, SignInMessages.LockedOut);
            case SignInVerdict.Disabled:
                return Refuse(StatusCodes.Status403Forbidden, SignInMessages.Disabled);
            default:
                return Refuse(StatusCodes.Status401Unauthorized, SignInMessages.InvalidCredentials);
        }
    }

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Password = "";
        return new PageResult { StatusCode = status };
    }
}
