namespace Diskominfo.Newsroom.Users;

/// <summary>
/// The rate-limiting policies of the Users module, per client address (<c>Newsroom:RateLimits:{Policy}:{PermitLimit, WindowSeconds}</c>).
/// Attach with <c>RequireRateLimiting</c> on a route or <c>[EnableRateLimiting]</c> on a page.
/// </summary>
public static class UsersRateLimits
{
    /// <summary>Sign-in attempts (the form, its second step, the API login): 100 per 300 s, sliding, by default.</summary>
    public const string SignIn = "users.sign-in";

    /// <summary>Password-reset requests: 20 per 3600 s by default.</summary>
    public const string PasswordReset = "users.password-reset";
}
