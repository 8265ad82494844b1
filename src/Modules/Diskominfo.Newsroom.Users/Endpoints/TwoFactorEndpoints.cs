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

/// <summary>
/// The signed-in person's own two-factor sign-in through the API (<c>/api/v1/auth/2fa</c>), as on the desk page
/// <c>/akun/2fa</c>: open to someone who must still enrol.
/// </summary>
internal static class TwoFactorEndpoints
{
    public static void MapTwoFactorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/auth/2fa").RequireAuthorization(NewsroomPolicies.ApiStaff).WithTags("Auth");
        group.MapGet("", GetAsync).WithSummary("Status verifikasi dua langkah saya; kunci untuk aplikasi autentikator bila belum aktif.");
        group.MapPost("/enable", EnableAsync).WithSummary("Mengaktifkan verifikasi dua langkah dengan kode pertama dari aplikasi; menjawab 10 kode pemulihan (sekali tampil).");
        group.MapPost("/recovery-codes", RenewAsync).WithSummary("Membuat 10 kode pemulihan baru; yang lama tidak berlaku lagi.");
        group.MapPost("/disable", DisableAsync).WithSummary("Menonaktifkan verifikasi dua langkah dengan kode saat ini (tidak untuk peran yang mewajibkannya).");
    }

    public sealed record TwoFactorResponse(bool Enabled, bool Required, bool MayTurnOff, int RecoveryCodesLeft, string? SharedKey, string? AuthenticatorUri);

    public sealed record CodeRequest(string? Code);

    public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

    private static async Task<Results<Ok<TwoFactorResponse>, NotFound>> GetAsync(HttpContext http, UserManager<NewsroomUser> users, TwoFactorService twoFactor)
    {
        if (await CurrentAsync(http, users) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var status = await twoFactor.StatusAsync(user);
        var enrolment = status.Enabled ? null : await twoFactor.EnrolmentAsync(user);
        return TypedResults.Ok(new TwoFactorResponse(
            status.Enabled, status.Required, status.MayTurnOff, status.RecoveryCodesLeft, enrolment?.SharedKey, enrolment?.AuthenticatorUri));
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult, NotFound>> EnableAsync(
        CodeRequest request, HttpContext http, UserManager<NewsroomUser> users, TwoFactorService twoFactor, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(http, users) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var outcome = await twoFactor.EnableAsync(user, request.Code, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RecoveryCodesResponse(outcome.Value!)) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult, NotFound>> RenewAsync(
        HttpContext http, UserManager<NewsroomUser> users, TwoFactorService twoFactor, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(http, users) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var outcome = await twoFactor.RenewRecoveryCodesAsync(user, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RecoveryCodesResponse(outcome.Value!)) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, NotFound>> DisableAsync(
        CodeRequest request, HttpContext http, UserManager<NewsroomUser> users, TwoFactorService twoFactor, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(http, users) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var outcome = await twoFactor.DisableAsync(user, request.Code, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : OutcomeResults.Problem(outcome);
    }

    private static async Task<NewsroomUser?> CurrentAsync(HttpContext http, UserManager<NewsroomUser> users)
        => Actor.FromPrincipal(http.User) is { } actor ? await users.FindByIdAsync(actor.UserId) : null;
}
