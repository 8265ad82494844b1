namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>How many requests one client (an address, or an account) may make in a sliding window (<c>Newsroom:RateLimits:{Policy}</c>).</summary>
public sealed class RateLimitSetting
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
