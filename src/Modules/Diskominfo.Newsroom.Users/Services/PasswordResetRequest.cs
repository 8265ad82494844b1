namespace Diskominfo.Newsroom.Users.Services;

/// <summary>"Lupa kata sandi": the address someone typed, from which client address, when.</summary>
internal sealed record PasswordResetRequest(string Email, string? Address, DateTimeOffset At);
