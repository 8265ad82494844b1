using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Notifications;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// An admin resets someone's password: by e-mail (a reset link, when SMTP is configured and the account has an address)
/// or with a one-time password the person must replace at the next sign-in. A one-time password ends the person's
/// sessions and tokens; a link does so when it is used.
/// </summary>
internal sealed class AdminPasswordReset(
    UserManager<NewsroomUser> users, IMailOutbox mail, ResetLinks links, AccountAudit audit, AccountStateCache states, NewsroomDatabase database)
{
    public const string ByEmail = "email";
    public const string Temporary = "temporary";

    public sealed record Result(string Method, string? TemporaryPassword);

    public async Task<Outcome<Result>> ResetAsync(string id, string? method, Actor actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Outcome<Result>.From(Outcome.NotFound("Akun tidak ditemukan."));
        }

        var canMail = mail.Enabled && !string.IsNullOrWhiteSpace(user.Email);
        method = string.IsNullOrWhiteSpace(method) ? (canMail ? ByEmail : Temporary) : method.Trim().ToLowerInvariant();
        if (method is not (ByEmail or Temporary))
        {
            return Outcome<Result>.From(Outcome.Invalid("method", "Cara atur ulang harus 'email' atau 'temporary'."));
        }

        if (method == ByEmail && !canMail)
        {
            return Outcome<Result>.From(Outcome.Conflict(mail.Enabled
                ? "Akun ini tidak memiliki alamat surel; pakai kata sandi sementara."
                : "Surel (SMTP) belum diatur; pakai kata sandi sementara."));
        }

        var outcome = await AccountTransaction.RunAsync(database, async ct =>
        {
            string? password = null;
            if (method == ByEmail)
            {
                await links.SendAsync(user, ct);
            }
            else
            {
                password = TemporaryPasswords.Generate();
                var token = await users.GeneratePasswordResetTokenAsync(user);
                user.MustChangePassword = true;
                var result = await users.ResetPasswordAsync(user, token, password); // a new stamp: sessions and tokens end
                if (!result.Succeeded)
                {
                    throw new AccountRefusedException(IdentityErrors.ToOutcome(result));
                }
            }

            await audit.PublishAsync(AuditActions.AccountPasswordReset, actor, user,
                method == ByEmail
                    ? $"Admin mengirim tautan atur ulang kata sandi ke surel {user.UserName}."
                    : $"Admin mengatur ulang kata sandi {user.UserName} dengan kata sandi sementara.",
                ct, after: new Dictionary<string, string?> { ["method"] = method });
            return Outcome<Result>.Ok(new Result(method, password));
        }, refused => Outcome<Result>.From(refused), cancellationToken);
        states.Forget(user.Id);
        return outcome;
    }
}
