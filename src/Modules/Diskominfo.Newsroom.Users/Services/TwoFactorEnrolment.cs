namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// What the person needs to add the account to an authenticator app: the key (Base32, and in groups of four for
/// typing), the <c>otpauth://</c> address and its QR code (PNG as a data URI).
/// </summary>
public sealed record TwoFactorEnrolment(string SharedKey, string FormattedKey, string AuthenticatorUri, string QrCodeDataUri);
