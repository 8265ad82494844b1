using System.Security.Claims;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The desk session's claims: Identity's (id, name, roles, security stamp), the full name, and the forced password change.</summary>
internal sealed class AccountClaimsFactory(
    UserManager<NewsroomUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NewsroomUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NewsroomUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(NewsroomClaims.DisplayName, user.DisplayName));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccountClaims.MustChangePassword, "1"));
        }

        return identity;
    }
}
