namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The person's two-factor sign-in: on or off, whether their role requires it, whether they may turn it off, recovery codes left.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool Required, bool MayTurnOff, int RecoveryCodesLeft);
