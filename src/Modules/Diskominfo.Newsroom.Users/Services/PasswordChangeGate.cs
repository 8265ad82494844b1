using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// While a person signed in with a one-time password, nothing else is open to them: desk pages lead to
/// <c>/akun/kata-sandi</c> (sign-out, the language switch and static files stay open) and the API answers 403 with
/// <c>passwordChangeRequired: true</c>, except sign-in and the password change itself.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ChangePasswordPage = "/akun/kata-sandi";

    private static readonly PathString[] OpenPages = [ChangePasswordPage, "/keluar", "/masuk", "/bahasa", NewsroomInfrastructureExtensions.ErrorPagePath];
    private static readonly PathString[] OpenApi = ["/api/v1/auth/login", "/api/v1/auth/change-password"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true || !AccountClaims.MustChange(context.User))
        {
            await next(context);
            return;
        }

        var path = context.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            if (OpenApi.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            {
                await next(context);
                return;
            }

            await RefuseAsync(context);
            return;
        }

        if (!NewsroomInfrastructureExtensions.IsPagePath(path) || OpenPages.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        context.Response.Redirect(ChangePasswordPage);
    }

    private static Task RefuseAsync(HttpContext context)
        => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Kata sandi harus diganti",
                detail: "Anda masuk dengan kata sandi sementara. Ganti kata sandi dahulu (POST /api/v1/auth/change-password) sebelum memakai fitur lain.",
                extensions: new Dictionary<string, object?> { ["passwordChangeRequired"] = true })
            .ExecuteAsync(context);
}
