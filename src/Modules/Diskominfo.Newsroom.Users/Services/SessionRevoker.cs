using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>"Keluar dari semua perangkat": a new security stamp ends every session and token of the person, this one included.</summary>
internal sealed class SessionRevoker(UserManager<NewsroomUser> users, AccountAudit audit, AccountStateCache states, NewsroomDatabase database)
{
    public async Task<Outcome> SignOutEverywhereAsync(Actor actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(actor.UserId);
        if (user is null)
        {
            return Outcome.NotFound("Akun tidak ditemukan.");
        }

        var outcome = await AccountTransaction.RunAsync(database, async ct =>
        {
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                throw new AccountRefusedException(IdentityErrors.ToOutcome(result));
            }

            await audit.PublishAsync(AuditActions.SignedOutEverywhere, actor, user, $"{user.UserName} keluar dari semua perangkat.", ct);
            return Outcome.Ok();
        }, refused => refused, cancellationToken);
        states.Forget(user.Id);
        return outcome;
    }
}
