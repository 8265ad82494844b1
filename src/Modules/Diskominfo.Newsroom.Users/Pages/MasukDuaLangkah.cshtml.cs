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
/// The second step of the sign-in form: the code from the authenticator app or a recovery code, for the account that
/// gave its right password a moment ago (Identity's two-factor cookie, five minutes).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(UsersRateLimits.SignIn)]
internal sealed class MasukDuaLangkahModel(SignInManager<NewsroomUser> signIn, SignInGuard guard) : PageModel
{
    public const string Path = "/masuk/2fa";

    [BindProperty]
    [Required]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>The second step's address, carrying the page to go back to only when it is local.</summary>
    public static string PathFor(string? returnUrl)
        => LocalRedirects.IsLocal(returnUrl) ? $"{Path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}" : Path;

    public async Task<IActionResult> OnGetAsync()
        => await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/masuk") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/masuk");
        }

        if (!ModelState.IsValid)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Kode verifikasi wajib diisi.");
        }

        var check = await guard.CheckSecondFactorAsync(user, Code, SignInChannel.Form, cancellationToken);
        switch (check.Verdict)
        {
            case SignInVerdict.Succeeded:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
                return LocalRedirect(LocalRedirects.Or(ReturnUrl, MasukModel.DeskHome));
            case SignInVerdict.LockedOut:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                return Refuse(StatusCodes.Status429TooManyRequests, SignInMessages.LockedOut);
            default:
                return Refuse(StatusCodes.Status401Unauthorized, SignInMessages.InvalidCode);
        }
    }

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Code = "";
        return new PageResult { StatusCode = status };
    }
}
