namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The answer to one step of a sign-in.</summary>
public enum SignInVerdict
{
    /// <summary>Unknown user, wrong password or wrong code: one answer for all.</summary>
    Failed,

    /// <summary>The password was right but the account is locked (told only to someone who typed the right password).</summary>
    LockedOut,

    /// <summary>The password was right but the account is disabled.</summary>
    Disabled,

    /// <summary>The password was right; the code from the authenticator app (or a recovery code) is still needed.</summary>
    TwoFactorRequired,

    Succeeded,
}
