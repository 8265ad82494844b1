using System.Security.Claims;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Issues signed bearer tokens for the API.</summary>
internal sealed class TokenService(IOptions<ApiTokenOptions> options, TimeProvider clock)
{
    public (string Token, int ExpiresIn) Issue(NewsroomUser user, IEnumerable<string> roles)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.LifetimeMinutes);
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new("sub", user.Id),
            new(ClaimTypes.NameIdentifier, user.Id),
            new("unique_name", user.UserName ?? user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Id),
            new(NewsroomClaims.DisplayName, user.DisplayName),
            new(AccountClaims.Stamp, AccountClaims.StampDigest(user.SecurityStamp)),
        };
        if (user.MustChangePassword)
        {
            claims.Add(new(AccountClaims.MustChangePassword, "1"));
        }

        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ApiTokenOptions.Issuer,
            Audience = ApiTokenOptions.Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.Value.KeyBytes), SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), (int)lifetime.TotalSeconds);
    }
}
