using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// An admin creates an account (with a one-time password the person must replace at the first sign-in) or changes one.
/// A change of roles ends the person's sessions and tokens (new security stamp); the last active admin keeps his role.
/// </summary>
internal sealed class AccountEditor(
    UserManager<NewsroomUser> users,
    AccountValidator validator,
    UserQueries queries,
    AccountAudit audit,
    AccountStateCache states,
    NewsroomDatabase database,
    TimeProvider clock)
{
    public async Task<Outcome<UserView>> CreateAsync(AccountInput input, Actor actor, CancellationToken cancellationToken)
    {
        var checkedInput = await validator.ValidateAsync(input, existingId: null, cancellationToken);
        if (checkedInput.Value is not { } account)
        {
            return Outcome<UserView>.From(checkedInput);
        }

        var password = TemporaryPasswords.Generate();
        var outcome = await AccountTransaction.RunAsync(database, async ct =>
        {
            var user = new NewsroomUser
            {
                UserName = account.UserName,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.FullName,
                Nip = account.Nip,
                PhoneNumber = account.Phone,
                PhotoCredit = account.PhotoCredit,
                SectionId = account.SectionId,
                MustChangePassword = true,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                created = await users.AddToRolesAsync(user, account.Roles);
            }

            if (!created.Succeeded)
            {
                throw new AccountRefusedException(IdentityErrors.ToOutcome(created));
            }

            var after = AccountAudit.Snapshot(user, account.Roles);
            await audit.PublishAsync(AuditActions.AccountCreated, actor, user,
                $"Akun {user.UserName} ({user.DisplayName}) dibuat dengan peran {string.Join(", ", account.Roles.Select(NewsroomRoles.Title))}.",
                ct, after: after);
            return Outcome<string>.Ok(user.Id);
        }, refused => Outcome<string>.From(refused), cancellationToken);
        if (outcome.Value is not { } id)
        {
            return Outcome<UserView>.From(outcome);
        }

        var view = await queries.GetAsync(id, cancellationToken);
        return Outcome<UserView>.Ok(view! with { TemporaryPassword = password });
    }

    public async Task<Outcome<UserView>> UpdateAsync(string id, AccountInput input, Actor actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Outcome<UserView>.From(Outcome.NotFound("Akun tidak ditemukan."));
        }

        var checkedInput = await validator.ValidateAsync(input, id, cancellationToken);
        if (checkedInput.Value is not { } account)
        {
            return Outcome<UserView>.From(checkedInput);
        }

        var oldRoles = await users.GetRolesAsync(user);
        if (oldRoles.Contains(NewsroomRoles.Admin) && !account.Roles.Contains(NewsroomRoles.Admin) && !user.Disabled
            && await AdminGuard.IsLastActiveAdminAsync(users, user))
        {
            return Outcome<UserView>.From(Outcome.Invalid("roles", "Ini admin aktif terakhir: peran admin tidak dapat dicabut sebelum ada admin aktif lain."));
        }

        var outcome = await AccountTransaction.RunAsync(database, async ct =>
        {
            var before = AccountAudit.Snapshot(user, oldRoles);
            user.DisplayName = account.FullName;
            user.Nip = account.Nip;
            if (!string.Equals(user.Email, account.Email, StringComparison.Ordinal))
            {
                user.Email = account.Email;
                user.EmailConfirmed = true;
            }

            user.PhoneNumber = account.Phone;
            user.PhotoCredit = account.PhotoCredit;
            user.SectionId = account.SectionId;
            var result = await users.UpdateAsync(user);
            var removed = oldRoles.Except(account.Roles).ToList();
            var added = account.Roles.Except(oldRoles).ToList();
            if (result.Succeeded && removed.Count > 0)
            {
                result = await users.RemoveFromRolesAsync(user, removed);
            }

            if (result.Succeeded && added.Count > 0)
            {
                result = await users.AddToRolesAsync(user, added);
            }

            if (result.Succeeded && (removed.Count > 0 || added.Count > 0))
            {
                // New roles take effect in every session and token: the old ones end within a minute.
                result = await users.UpdateSecurityStampAsync(user);
            }

            if (!result.Succeeded)
            {
                throw new AccountRefusedException(IdentityErrors.ToOutcome(result));
            }

            var (changedBefore, changedAfter) = AccountAudit.Changes(before, AccountAudit.Snapshot(user, account.Roles));
            if (changedAfter.Count > 0)
            {
                await audit.PublishAsync(AuditActions.AccountUpdated, actor, user,
                    $"Akun {user.UserName} diubah: {string.Join(", ", changedAfter.Keys)}.", ct, changedBefore, changedAfter);
            }

            if (changedAfter.TryGetValue("roles", out var newRoles))
            {
                await audit.PublishAsync(AuditActions.RolesChanged, actor, user,
                    $"Peran {user.UserName} diubah menjadi {string.Join(", ", account.Roles.Select(NewsroomRoles.Title))}.", ct,
                    new Dictionary<string, string?> { ["roles"] = changedBefore["roles"] },
                    new Dictionary<string, string?> { ["roles"] = newRoles });
            }

            if (changedAfter.TryGetValue("section", out var newSection))
            {
                await audit.PublishAsync(AuditActions.SectionChanged, actor, user,
                    $"Bidang/seksi {user.UserName} diubah.", ct,
                    new Dictionary<string, string?> { ["section"] = changedBefore["section"] },
                    new Dictionary<string, string?> { ["section"] = newSection });
            }

            return Outcome.Ok();
        }, refused => refused, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Outcome<UserView>.From(outcome);
        }

        states.Forget(user.Id);
        return Outcome<UserView>.Ok((await queries.GetAsync(id, cancellationToken))!);
    }
}
