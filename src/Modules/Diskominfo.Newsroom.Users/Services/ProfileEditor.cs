using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>A person keeps their own contact details (e-mail, phone) and photo credit; name, NIP, roles and section are the admin's.</summary>
internal sealed class ProfileEditor(
    UserManager<NewsroomUser> users, AccountValidator validator, AccountAudit audit, NewsroomDatabase database)
{
    public async Task<Outcome> UpdateAsync(Actor actor, string? email, string? phone, string? photoCredit, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(actor.UserId);
        if (user is null)
        {
            return Outcome.NotFound("Akun tidak ditemukan.");
        }

        var errors = new Dictionary<string, string[]>();
        var checkedEmail = await validator.CheckEmailAsync(email, user.Id, errors, cancellationToken);
        var checkedPhone = AccountValidator.CheckPhone(phone, errors);
        var checkedCredit = AccountValidator.CheckPhotoCredit(photoCredit, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await AccountTransaction.RunAsync(database, async ct =>
        {
            var roles = await users.GetRolesAsync(user);
            var before = AccountAudit.Snapshot(user, roles);
            user.Email = checkedEmail;
            user.PhoneNumber = checkedPhone;
            user.PhotoCredit = checkedCredit;
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                throw new AccountRefusedException(IdentityErrors.ToOutcome(result));
            }

            var (changedBefore, changedAfter) = AccountAudit.Changes(before, AccountAudit.Snapshot(user, roles));
            if (changedAfter.Count > 0)
            {
                await audit.PublishAsync(AuditActions.AccountUpdated, actor, user,
                    $"{user.UserName} mengubah profilnya: {string.Join(", ", changedAfter.Keys)}.", ct, changedBefore, changedAfter);
            }

            return Outcome.Ok();
        }, refused => refused, cancellationToken);
    }
}
