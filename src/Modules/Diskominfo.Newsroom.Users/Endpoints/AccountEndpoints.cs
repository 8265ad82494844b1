using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Users.Endpoints;

/// <summary>A person's own account through the API: who am I, change my password, forgotten password, sign out everywhere.</summary>
internal static class AccountEndpoints
{
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public sealed record ForgotPasswordRequest(string? Email);

    public sealed record ResetPasswordRequest(string? Token, string? NewPassword);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapGet("/me", MeAsync).RequireAuthorization(NewsroomPolicies.ApiStaff)
            .WithSummary("Akun saya.");
        auth.MapPost("/change-password", ChangePasswordAsync).RequireAuthorization(NewsroomPolicies.ApiStaff)
            .WithSummary("Mengganti kata sandi saya; token lama berhenti berlaku, jawabannya token baru.");
        auth.MapPost("/sign-out-everywhere", SignOutEverywhereAsync).RequireAuthorization(NewsroomPolicies.ApiStaff)
            .WithSummary("Keluar dari semua perangkat: semua sesi dan token saya berakhir, termasuk yang ini.");
        auth.MapPost("/forgot-password", (ForgotPasswordRequest? request, HttpContext http, PasswordRecovery recovery) =>
            {
                recovery.Request(request?.Email, http.Connection.RemoteIpAddress?.ToString());
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous()
            .RequireRateLimiting(UsersRateLimits.PasswordReset)
            .WithSummary("Lupa kata sandi: bila surel terdaftar, tautan atur ulang (berlaku satu jam, sekali pakai) dikirim. Jawabannya selalu 202.");
        auth.MapPost("/reset-password", ResetPasswordAsync).AllowAnonymous().RequireRateLimiting(UsersRateLimits.PasswordReset)
            .WithSummary("Memilih kata sandi baru dengan token dari tautan surel.");
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> MeAsync(HttpContext http, UserQueries queries, CancellationToken cancellationToken)
        => await queries.GetAsync(Actor.FromPrincipal(http.User)!.UserId, cancellationToken) is { } me
            ? TypedResults.Ok(me)
            : OutcomeResults.Problem(Outcome.NotFound("Akun tidak ditemukan."));

    private static async Task<Results<Ok<AuthEndpoints.LoginResponse>, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext http, PasswordChanger changer, UserManager<NewsroomUser> users, TokenService tokens,
        CancellationToken cancellationToken)
    {
        var outcome = await changer.ChangeAsync(Actor.FromPrincipal(http.User)!, request.CurrentPassword, request.NewPassword, cancellationToken);
        if (outcome.Value is not { } user)
        {
            return OutcomeResults.Problem(outcome);
        }

        var (token, expiresIn) = tokens.Issue(user, await users.GetRolesAsync(user));
        return TypedResults.Ok(new AuthEndpoints.LoginResponse(token, expiresIn));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignOutEverywhereAsync(
        HttpContext http, SessionRevoker revoker, CancellationToken cancellationToken)
    {
        var outcome = await revoker.SignOutEverywhereAsync(Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(
        ResetPasswordRequest request, PasswordRecovery recovery, CancellationToken cancellationToken)
    {
        var outcome = await recovery.ResetAsync(request.Token, request.NewPassword, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : OutcomeResults.Problem(outcome);
    }
}
