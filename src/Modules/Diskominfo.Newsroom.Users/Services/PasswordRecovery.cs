using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Notifications;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// "Lupa kata sandi": a request is queued and answered at once, the same whether or not the address is known; in the
/// background an active account with that address gets a reset link by e-mail. The link sets a new password once.
/// </summary>
internal sealed class PasswordRecovery(
    UserManager<NewsroomUser> users,
    PasswordResetQueue queue,
    ResetLinks links,
    IMailOutbox mail,
    AccountAudit audit,
    AccountStateCache states,
    NewsroomDatabase database,
    TimeProvider clock)
{
    public void Request(string? email, string? address)
    {
        var typed = email?.Trim() ?? "";
        if (typed.Length is > 0 and <= 256)
        {
            queue.Enqueue(new PasswordResetRequest(typed, address, clock.GetUtcNow()));
        }
    }

    public async Task SendLinkAsync(PasswordResetRequest request, CancellationToken cancellationToken)
    {
        if (!mail.Enabled || await users.FindByEmailAsync(request.Email) is not { Disabled: false } user)
        {
            return;
        }

        await database.InTransactionAsync(async ct =>
        {
            await links.SendAsync(user, ct);
            await audit.PublishAsync(AuditActions.PasswordResetRequested, null, user,
                $"Tautan atur ulang kata sandi dikirim ke surel akun {user.UserName}.", ct, address: request.Address);
            return true;
        }, cancellationToken);
    }

    public async Task<Outcome> ResetAsync(string? token, string? newPassword, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var decoded = ResetLinks.Decode(token);
        if (decoded is null)
        {
            errors["token"] = [IdentityErrors.InvalidResetToken];
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            errors["newPassword"] = ["Kata sandi baru wajib diisi."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var user = await users.FindByIdAsync(decoded!.Value.UserId);
        if (user is null || user.Disabled)
        {
            return Outcome.Invalid("token", IdentityErrors.InvalidResetToken);
        }

        var outcome = await AccountTransaction.RunAsync(database, async ct =>
        {
            user.MustChangePassword = false;
            var result = await users.ResetPasswordAsync(user, decoded.Value.IdentityToken, newPassword!);
            if (!result.Succeeded)
            {
                throw new AccountRefusedException(IdentityErrors.ToOutcome(result, "newPassword"));
            }

            var actor = new Actor(user.Id, user.UserName ?? user.Id, user.DisplayName, new HashSet<string>());
            await audit.PublishAsync(AuditActions.PasswordReset, actor, user, $"Kata sandi {user.UserName} diatur ulang lewat tautan surel.", ct);
            return Outcome.Ok();
        }, refused => refused, cancellationToken);
        states.Forget(user.Id);
        return outcome;
    }
}
