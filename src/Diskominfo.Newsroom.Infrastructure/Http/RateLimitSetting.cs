namespace Diskominfo.Newsroom.Users.Services;

/// <summary>How many requests one client address may make in a sliding window (<c>Newsroom:RateLimits:{Policy}</c>).</summary>
public sealed class RateLimitSetting
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
