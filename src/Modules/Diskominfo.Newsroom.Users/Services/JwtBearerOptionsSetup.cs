using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Diskominfo.Newsroom.Users.Services;

internal sealed class JwtBearerOptionsSetup(IOptions<ApiTokenOptions> tokens) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = ApiTokenOptions.Issuer,
            ValidAudience = ApiTokenOptions.Issuer,
            IssuerSigningKey = new SymmetricSecurityKey(tokens.Value.KeyBytes),

            // Only what the site itself issues: HMAC-SHA256, signed, with an expiry (never "none" or another algorithm).
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            NameClaimType = "unique_name",
            RoleClaimType = "role",
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);
}
