using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Users.Endpoints;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/auth/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(UsersRateLimits.SignIn)
            .WithTags("Auth")
            .WithSummary("Masuk dan menerima token akses (bearer) untuk API.")
            .WithDescription("Dengan verifikasi dua langkah aktif, kirim juga `code` (kode 6 angka dari aplikasi autentikator atau kode pemulihan); tanpa itu jawabannya 401 dengan `twoFactorRequired: true`.");
    }

    public sealed record LoginRequest(string? UserName, string? Password, string? Code = null);

    public sealed record LoginResponse(string AccessToken, int ExpiresIn, string TokenType = "Bearer");

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, UserManager<Models.NewsroomUser> users, SignInGuard guard, TokenService tokens, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = ["Nama pengguna wajib diisi."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Kata sandi wajib diisi."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Data tidak valid");
        }

        var check = await guard.CheckPasswordAsync(request.UserName!, request.Password!, SignInChannel.Api, cancellationToken);
        if (check.Verdict == SignInVerdict.TwoFactorRequired)
        {
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                return TwoFactorProblem(SignInMessages.CodeRequired);
            }

            check = await guard.CheckSecondFactorAsync(check.User!, request.Code, SignInChannel.Api, cancellationToken);
            if (check.Verdict == SignInVerdict.Failed)
            {
                return TwoFactorProblem(SignInMessages.InvalidCode);
            }
        }

        switch (check.Verdict)
        {
            case SignInVerdict.Succeeded:
                var (token, expiresIn) = tokens.Issue(check.User!, await users.GetRolesAsync(check.User!));
                return TypedResults.Ok(new LoginResponse(token, expiresIn));
            case SignInVerdict.LockedOut:
                var wait = check.LockedUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds)) : 900;
                http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Akun dikunci sementara",
                    detail: SignInMessages.LockedOut,
                    extensions: new Dictionary<string, object?> { ["lockedOut"] = true });
            case SignInVerdict.Disabled:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Akun dinonaktifkan", detail: SignInMessages.Disabled);
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Gagal masuk", detail: SignInMessages.InvalidCredentials);
        }
    }

    private static ProblemHttpResult TwoFactorProblem(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Verifikasi dua langkah",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true });
}
