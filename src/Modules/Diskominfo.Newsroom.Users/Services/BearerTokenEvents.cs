using Diskominfo.Newsroom.Users.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// A bearer token holds only while its account is enabled and its security stamp is the one the token was issued
/// with: disabling the account, a new or reset password, a change of roles or "sign out everywhere" ends it.
/// </summary>
/// <remarks>The account table is reached (and its DbContext built) only when a token is there to check.</remarks>
internal sealed class BearerTokenEvents(AccountStateCache cache) : JwtBearerEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirst("sub")?.Value;
        var stamp = principal?.FindFirst(AccountClaims.Stamp)?.Value;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp))
        {
            context.Fail("Token tanpa cap keamanan akun.");
            return;
        }

        var state = await cache.GetAsync(userId, async () =>
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<UsersDbContext>();
            var row = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.Disabled, u.SecurityStamp })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            return row is null ? null : new AccountState(row.Disabled, AccountClaims.StampDigest(row.SecurityStamp));
        });
        if (state is null || state.Disabled || !string.Equals(state.StampDigest, stamp, StringComparison.Ordinal))
        {
            context.Fail("Token tidak berlaku lagi: akun dinonaktifkan atau kata sandi, peran, atau sesinya telah diubah.");
            return;
        }

        await base.TokenValidated(context);
    }
}
