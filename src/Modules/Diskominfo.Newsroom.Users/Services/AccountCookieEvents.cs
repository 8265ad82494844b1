using System.Globalization;
using System.Security.Claims;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// The desk's session cookie: a sign-in is dated in the cookie and stamped on the account (last sign-in); a session
/// ends at the absolute limit counted from that sign-in however busy it is, and, checked every minute, as soon as the
/// account's security stamp changed (disabled, new password, roles changed, signed out everywhere).
/// </summary>
/// <remarks>
/// The handler builds these events for every request, an anonymous reader's too: what needs the database (the
/// sign-in record) is resolved only when someone signs in.
/// </remarks>
internal sealed class AccountCookieEvents(IOptions<AccountSessionOptions> sessions, TimeProvider clock) : CookieAuthenticationEvents
{
    /// <summary>The sign-in's time (round-trip format) in the cookie's properties; kept when the cookie is renewed.</summary>
    public const string SignedInAtKey = "newsroom.signed_in_at";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        // A refreshed sign-in (a new password, the stamp validator) keeps the original sign-in's time.
        if (!context.Properties.Items.ContainsKey(SignedInAtKey))
        {
            context.Properties.Items[SignedInAtKey] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            if (context.Principal is { } principal && Identity(principal) is { } id)
            {
                await context.HttpContext.RequestServices.GetRequiredService<SignInRecorder>().RecordAsync(id, context.HttpContext.RequestAborted);
            }
        }

        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = clock.GetUtcNow();
        if (context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt))
        {
            if (now - signedInAt >= sessions.Value.Absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }
        else
        {
            // A cookie from before the absolute limit existed: its limit counts from now.
            context.Properties.Items[SignedInAtKey] = now.ToString("O", CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// The cookie handler's own redirect after signing in at <c>/masuk</c> or out at <c>/keluar</c> (to the query's
    /// <c>ReturnUrl</c>, checked by it only for a leading slash): held to the site's rule for redirect targets.
    /// </summary>
    public override Task RedirectToReturnUrl(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RedirectUri = LocalRedirects.Or(context.RedirectUri, "/");
        return base.RedirectToReturnUrl(context);
    }

    /// <summary>
    /// The way to the sign-in page and to the refusal page, as a path: the handler builds an absolute address from the
    /// request's own <c>Host</c>, which is the client's to choose.
    /// </summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RedirectUri = LocalRedirects.PathOf(context.RedirectUri);
        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RedirectUri = LocalRedirects.PathOf(context.RedirectUri);
        return base.RedirectToAccessDenied(context);
    }

    private static string? Identity(ClaimsPrincipal principal) => principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}
