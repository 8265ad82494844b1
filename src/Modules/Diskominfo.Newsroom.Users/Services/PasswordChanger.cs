using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// A person changes their own password (also the one-time password they were given). The new security stamp ends
/// their other sessions and tokens; the caller signs the current one in again.
/// </summary>
internal sealed class PasswordChanger(
    UserManager<NewsroomUser> users, AccountAudit audit, AccountStateCache states, NewsroomDatabase database)
{
    public async Task<Outcome<NewsroomUser>> ChangeAsync(Actor actor, string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(currentPassword))
        {
            errors["currentPassword"] = ["Kata sandi sekarang wajib diisi."];
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            errors["newPassword"] = ["Kata sandi baru wajib diisi."];
        }
        else if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            errors["newPassword"] = ["Kata sandi baru harus berbeda dari yang sekarang."];
        }

        if (errors.Count > 0)
        {
            return Outcome<NewsroomUser>.From(Outcome.Invalid(errors));
        }

        var user = await users.FindByIdAsync(actor.UserId);
        if (user is null || user.Disabled)
        {
            return Outcome<NewsroomUser>.From(Outcome.NotFound("Akun tidak ditemukan."));
        }

        var outcome = await AccountTransaction.RunAsync(database, async ct =>
        {
            user.MustChangePassword = false;
            var result = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
            if (!result.Succeeded)
            {
                throw new AccountRefusedException(IdentityErrors.ToOutcome(result, "newPassword"));
            }

            await audit.PublishAsync(AuditActions.PasswordChanged, actor, user, $"{user.UserName} mengganti kata sandinya.", ct);
            return Outcome<NewsroomUser>.Ok(user);
        }, refused => Outcome<NewsroomUser>.From(refused), cancellationToken);
        states.Forget(user.Id);
        return outcome;
    }
}
