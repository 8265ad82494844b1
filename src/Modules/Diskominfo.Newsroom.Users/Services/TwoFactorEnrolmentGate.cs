using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// A person whose role requires two-factor sign-in but who has not enrolled yet may, after the password, only enrol:
/// the desk sends them to <c>/akun/2fa</c>; the API answers 403 with <c>twoFactorSetupRequired: true</c>
/// (except the enrolment API under <c>/api/v1/auth/2fa</c>). A forced password change comes first (its own gate).
/// </summary>
internal sealed class TwoFactorEnrolmentGate(RequestDelegate next)
{
    public const string EnrolPath = "/akun/2fa";

    /// <summary>The account's own safety stays open before enrolment: signing in, enrolling, changing the password, ending sessions.</summary>
    private static readonly string[] Open =
    [
        "/api/v1/auth/login", "/api/v1/auth/2fa", "/api/v1/auth/change-password", "/api/v1/auth/me", "/api/v1/auth/sign-out-everywhere",
    ];

    // The account store and the problem writer are resolved only for a guarded request of a role that needs two factors:
    // an anonymous reader's request (the public pages, served from the page cache) builds no UserManager and no DbContext.
    public async Task InvokeAsync(HttpContext context, TwoFactorPolicy policy)
    {
        var actor = Actor.FromPrincipal(context.User);
        if (actor is null || !policy.IsRequiredFor(actor.Roles) || !Guarded(context.Request.Path))
        {
            await next(context);
            return;
        }

        var users = context.RequestServices.GetRequiredService<UserManager<NewsroomUser>>();
        var user = await users.FindByIdAsync(actor.UserId);
        if (user is null || user.MustChangePassword || !policy.MustEnrol(user, actor.Roles))
        {
            await next(context);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Verifikasi dua langkah wajib",
                    Detail = SignInMessages.SetupRequired,
                    Extensions = { ["twoFactorSetupRequired"] = true },
                },
            });
            return;
        }

        context.Response.Redirect(EnrolPath);
    }

    /// <summary>The desk and the API, except enrolment, signing in and out, the password, and the error and language pages.</summary>
    private static bool Guarded(PathString path)
    {
        if (path.StartsWithSegments("/api"))
        {
            return !Open.Any(p => path.StartsWithSegments(p));
        }

        return NewsroomInfrastructureExtensions.IsPagePath(path)
            && (path.StartsWithSegments("/admin") || path.StartsWithSegments("/akun"))
            && !path.StartsWithSegments(EnrolPath)
            && !path.StartsWithSegments("/akun/kata-sandi");
    }
}
