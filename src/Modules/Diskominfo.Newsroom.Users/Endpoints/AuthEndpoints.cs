using Diskominfo.Newsroom.Users.Models;
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
            .WithTags("Auth")
            .WithSummary("Masuk dan menerima token akses (bearer) untuk API.");
    }

    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record LoginResponse(string AccessToken, int ExpiresIn, string TokenType = "Bearer");

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn, TokenService tokens, SignInRecorder recorder,
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

        var user = await users.FindByNameAsync(request.UserName!);
        if (user is null)
        {
            return InvalidCredentials();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Akun dikunci sementara",
                detail: "Terlalu banyak percobaan masuk yang gagal. Coba lagi 15 menit lagi atau hubungi admin.");
        }

        if (!result.Succeeded)
        {
            return await SignInRecorder.RefusalAsync(users, user, request.Password!, result) is { } refusal
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Akun dinonaktifkan", detail: refusal)
                : InvalidCredentials();
        }

        await recorder.RecordAsync(user.Id, cancellationToken);
        var (token, expiresIn) = tokens.Issue(user, await users.GetRolesAsync(user));
        return TypedResults.Ok(new LoginResponse(token, expiresIn));
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Gagal masuk",
        detail: "Nama pengguna atau kata sandi salah.");
}
