using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The claims the account's sessions and tokens carry beyond Identity's own.</summary>
internal static class AccountClaims
{
    /// <summary>Present ("1") while the person must replace a one-time password before doing anything else.</summary>
    public const string MustChangePassword = "newsroom:must_change_password";

    /// <summary>In a bearer token: a digest of the account's security stamp when the token was issued.</summary>
    public const string Stamp = "newsroom:stamp";

    public static bool MustChange(ClaimsPrincipal principal) => principal.HasClaim(MustChangePassword, "1");

    /// <summary>A digest of the security stamp: tokens can be held against the account without carrying the stamp itself.</summary>
    public static string StampDigest(string? securityStamp)
        => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? ""))[..16]);
}
