using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Users.Endpoints;

/// <summary>The admins' account API: list, create, read, change, disable and enable, reset the password, end a lockout.</summary>
internal static class UserAdminEndpoints
{
    public sealed record ResetPasswordRequest(string? Method);

    public sealed record ResetPasswordResponse(
        string Method,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        string? TemporaryPassword);

    public static void MapUserAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/v1/users").WithTags("Users")
            .RequireAuthorization(NewsroomPolicies.ApiStaff, NewsroomPolicies.Admin);
        users.MapGet("/", ListAsync)
            .WithSummary("Admin: daftar akun (q: nama pengguna, nama lengkap, surel, NIP; role; section; disabled; page; pageSize).");
        users.MapPost("/", CreateAsync)
            .WithSummary("Admin: membuat akun; jawabannya memuat temporaryPassword sekali saja, yang wajib diganti saat masuk pertama.");
        users.MapGet("/{id}", GetAsync).WithSummary("Admin: satu akun.");
        users.MapPut("/{id}", UpdateAsync)
            .WithSummary("Admin: mengubah nama, NIP, surel, telepon, peran, bidang/seksi, kredit foto. Peran baru mengakhiri sesi dan token lama.");
        users.MapPost("/{id}/disable", (string id, HttpContext http, AccountStatusService status, CancellationToken ct)
                => Respond(status.DisableAsync(id, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: menonaktifkan akun; sesi dan tokennya berakhir dalam satu menit.");
        users.MapPost("/{id}/enable", (string id, HttpContext http, AccountStatusService status, CancellationToken ct)
                => Respond(status.EnableAsync(id, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: mengaktifkan kembali akun.");
        users.MapPost("/{id}/unlock", (string id, HttpContext http, AccountStatusService status, CancellationToken ct)
                => Respond(status.UnlockAsync(id, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: membuka kunci akun yang terkunci karena percobaan masuk gagal.");
        users.MapPost("/{id}/reset-password", ResetPasswordAsync)
            .WithSummary("Admin: mengatur ulang kata sandi (method: email atau temporary; bawaan email bila SMTP diatur dan akun bersurel).");
    }

    private static async Task<Results<Ok<UserPage>, ProblemHttpResult>> ListAsync(
        UserQueries queries, CancellationToken cancellationToken,
        string? q = null, string? role = null, string? section = null, string? disabled = null, string? page = null, string? pageSize = null)
    {
        var parsed = UserFilter.Parse(q, role, section, disabled, page, pageSize);
        return parsed.Value is { } filter
            ? TypedResults.Ok(await queries.ListAsync(filter, cancellationToken))
            : OutcomeResults.Problem(parsed);
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateAsync(
        AccountInput input, HttpContext http, AccountEditor editor, CancellationToken cancellationToken)
    {
        var outcome = await editor.CreateAsync(input, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Value is { } user
            ? TypedResults.Created($"/api/v1/users/{user.Id}", user)
            : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetAsync(string id, UserQueries queries, CancellationToken cancellationToken)
        => await queries.GetAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : OutcomeResults.Problem(Outcome.NotFound("Akun tidak ditemukan."));

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> UpdateAsync(
        string id, AccountInput input, HttpContext http, AccountEditor editor, CancellationToken cancellationToken)
        => Respond(editor.UpdateAsync(id, input, Actor.FromPrincipal(http.User)!, cancellationToken));

    private static async Task<Results<Ok<ResetPasswordResponse>, ProblemHttpResult>> ResetPasswordAsync(
        string id, [FromBody] ResetPasswordRequest? request, HttpContext http, AdminPasswordReset reset, CancellationToken cancellationToken)
    {
        var outcome = await reset.ResetAsync(id, request?.Method, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Value is { } result
            ? TypedResults.Ok(new ResetPasswordResponse(result.Method, result.TemporaryPassword))
            : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Respond(Task<Outcome<UserView>> action)
    {
        var outcome = await action;
        return outcome.Value is { } user ? TypedResults.Ok(user) : OutcomeResults.Problem(outcome);
    }
}
