namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Two-factor sign-in (<c>Newsroom:Auth:TwoFactorRoles</c>): the roles that must use it (admin and kadis by default).</summary>
public sealed class TwoFactorOptions
{
    /// <summary>The issuer shown by the authenticator app beside the account.</summary>
    public const string Issuer = "Newsroom Diskominfo";

    public IReadOnlySet<string> RequiredRoles { get; set; } = new HashSet<string>(StringComparer.Ordinal);
}
