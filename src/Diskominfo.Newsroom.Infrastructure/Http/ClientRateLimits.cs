using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// The pieces every rate-limiting policy is made of: its setting read from <c>Newsroom:RateLimits:{Name}</c>, and a
/// sliding window per client address or per account, which also tells the rejection what to say and when to come back.
/// </summary>
public static class ClientRateLimits
{
    private const int Segments = 10;

    /// <summary>The setting <c>Newsroom:RateLimits:{name}:{PermitLimit, WindowSeconds}</c>, with these defaults; never below 1.</summary>
    public static RateLimitSetting Read(IConfiguration configuration, string name, int permitLimit, int windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = new RateLimitSetting { PermitLimit = permitLimit, WindowSeconds = windowSeconds };
        configuration.GetSection($"Newsroom:RateLimits:{name}").Bind(setting);
        setting.PermitLimit = Math.Max(1, setting.PermitLimit);
        setting.WindowSeconds = Math.Max(1, setting.WindowSeconds);
        return setting;
    }

    /// <summary>
    /// A window per client address (as the forwarded-headers middleware leaves it). An IPv6 client counts by its /64
    /// network, the block one subscriber gets, so that it cannot step around the limit by changing addresses.
    /// </summary>
    public static RateLimitPartition<string> PerAddress(HttpContext context, RateLimitSetting setting, RateLimitNotice notice)
        => Window(context, "address:" + AddressKey(context.Connection.RemoteIpAddress), setting, notice);

    /// <summary>A window per <paramref name="key"/> (e.g. an account's id), whatever the address.</summary>
    public static RateLimitPartition<string> Window(HttpContext context, string key, RateLimitSetting setting, RateLimitNotice notice)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(setting);
        var segments = Math.Min(Segments, setting.WindowSeconds);

        // A sliding window's lease does not say when to come back: one segment, after which a slot frees at the earliest.
        context.Items[RateLimitRejection.RetryAfterItem] = TimeSpan.FromSeconds((double)setting.WindowSeconds / segments);
        context.Items[RateLimitRejection.NoticeItem] = notice;
        return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = setting.PermitLimit,
            Window = TimeSpan.FromSeconds(setting.WindowSeconds),
            SegmentsPerWindow = segments,
            QueueLimit = 0,
        });
    }

    /// <summary>Reading a form (GET, HEAD) is never counted by the policies that count sending it.</summary>
    public static bool IsRead(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
    }

    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "none";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
