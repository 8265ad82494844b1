using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// An admin disables an account (someone left: it cannot sign in, and its sessions and tokens end within a minute),
/// enables it again, or ends a lockout. An admin cannot disable himself or the last active admin.
/// </summary>
internal sealed class AccountStatusService(
    UserManager<NewsroomUser> users, UserQueries queries, AccountAudit audit, AccountStateCache states, NewsroomDatabase database, TimeProvider clock)
{
    public Task<Outcome<UserView>> DisableAsync(string id, Actor actor, CancellationToken cancellationToken)
        => ChangeAsync(id, async (user, ct) =>
        {
            if (user.Id == actor.UserId)
            {
                return Outcome.Conflict("Anda tidak dapat menonaktifkan akun Anda sendiri.");
            }

            if (user.Disabled)
            {
                return Outcome.Ok();
            }

            if (await users.IsInRoleAsync(user, NewsroomRoles.Admin) && await AdminGuard.IsLastActiveAdminAsync(users, user))
            {
                return Outcome.Conflict("Ini admin aktif terakhir dan tidak dapat dinonaktifkan.");
            }

            user.Disabled = true;
            user.DisabledAt = clock.GetUtcNow();
            await Check(users.UpdateAsync(user));
            await Check(users.UpdateSecurityStampAsync(user));
            await audit.PublishAsync(AuditActions.AccountDisabled, actor, user, $"Akun {user.UserName} ({user.DisplayName}) dinonaktifkan.", ct,
                new Dictionary<string, string?> { ["disabled"] = "false" }, new Dictionary<string, string?> { ["disabled"] = "true" });
            return Outcome.Ok();
        }, cancellationToken);

    public Task<Outcome<UserView>> EnableAsync(string id, Actor actor, CancellationToken cancellationToken)
        => ChangeAsync(id, async (user, ct) =>
        {
            if (!user.Disabled)
            {
                return Outcome.Ok();
            }

            user.Disabled = false;
            user.DisabledAt = null;
            await Check(users.UpdateAsync(user));
            await audit.PublishAsync(AuditActions.AccountEnabled, actor, user, $"Akun {user.UserName} ({user.DisplayName}) diaktifkan kembali.", ct,
                new Dictionary<string, string?> { ["disabled"] = "true" }, new Dictionary<string, string?> { ["disabled"] = "false" });
            return Outcome.Ok();
        }, cancellationToken);

    public Task<Outcome<UserView>> UnlockAsync(string id, Actor actor, CancellationToken cancellationToken)
        => ChangeAsync(id, async (user, ct) =>
        {
            var lockedUntil = user.LockoutEnd;
            await Check(users.SetLockoutEndDateAsync(user, null));
            await Check(users.ResetAccessFailedCountAsync(user));
            if (lockedUntil is { } until && until > clock.GetUtcNow())
            {
                await audit.PublishAsync(AuditActions.AccountUnlocked, actor, user, $"Kunci akun {user.UserName} dibuka oleh admin.", ct,
                    new Dictionary<string, string?> { ["lockoutEnd"] = until.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                    new Dictionary<string, string?> { ["lockoutEnd"] = null });
            }

            return Outcome.Ok();
        }, cancellationToken);

    private async Task<Outcome<UserView>> ChangeAsync(
        string id, Func<NewsroomUser, CancellationToken, Task<Outcome>> change, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Outcome<UserView>.From(Outcome.NotFound("Akun tidak ditemukan."));
        }

        var outcome = await AccountTransaction.RunAsync(database, async ct =>
        {
            var result = await change(user, ct);
            return result.Succeeded ? result : throw new AccountRefusedException(result);
        }, refused => refused, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Outcome<UserView>.From(outcome);
        }

        states.Forget(user.Id);
        return Outcome<UserView>.Ok((await queries.GetAsync(id, cancellationToken))!);
    }

    private static async Task Check(Task<IdentityResult> step)
    {
        var result = await step;
        if (!result.Succeeded)
        {
            throw new AccountRefusedException(IdentityErrors.ToOutcome(result));
        }
    }
}
