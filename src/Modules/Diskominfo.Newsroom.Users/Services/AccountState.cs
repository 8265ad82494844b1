namespace Diskominfo.Newsroom.Users.Services;

/// <summary>An account as a token is checked against it: disabled or not, and the digest of its security stamp.</summary>
internal sealed record AccountState(bool Disabled, string StampDigest);
