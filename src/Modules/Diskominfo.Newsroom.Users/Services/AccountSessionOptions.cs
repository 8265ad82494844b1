namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Desk sessions (<c>Newsroom:Auth</c>): ended after an idle time, and in any case some hours after the sign-in.</summary>
public sealed class AccountSessionOptions
{
    /// <summary>A session not used for this long ends (sliding).</summary>
    public int SessionIdleMinutes { get; set; } = 120;

    /// <summary>A session ends this long after its sign-in however busy it is.</summary>
    public int SessionAbsoluteHours { get; set; } = 12;

    public TimeSpan Idle => TimeSpan.FromMinutes(Math.Max(1, SessionIdleMinutes));

    public TimeSpan Absolute => TimeSpan.FromHours(Math.Max(1, SessionAbsoluteHours));
}
