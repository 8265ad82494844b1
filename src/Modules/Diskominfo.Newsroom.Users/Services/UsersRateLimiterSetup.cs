using System.Net;
using System.Threading.RateLimiting;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// The sign-in and password-reset policies: a sliding window per client address. Reading a form (GET) is never
/// counted, only sending it. Generous enough for a whole office signing in at eight behind one public address.
/// </summary>
internal sealed class UsersRateLimiterSetup(IConfiguration configuration) : IConfigureOptions<RateLimiterOptions>
{
    private const int Segments = 10;

    public void Configure(RateLimiterOptions options)
    {
        AddPolicy(options, UsersRateLimits.SignIn, Read("SignIn", permitLimit: 100, windowSeconds: 300));
        AddPolicy(options, UsersRateLimits.PasswordReset, Read("PasswordReset", permitLimit: 20, windowSeconds: 3600));
    }

    private RateLimitSetting Read(string name, int permitLimit, int windowSeconds)
    {
        var setting = new RateLimitSetting { PermitLimit = permitLimit, WindowSeconds = windowSeconds };
        configuration.GetSection($"Newsroom:RateLimits:{name}").Bind(setting);
        setting.PermitLimit = Math.Max(1, setting.PermitLimit);
        setting.WindowSeconds = Math.Max(1, setting.WindowSeconds);
        return setting;
    }

    private static void AddPolicy(RateLimiterOptions options, string policy, RateLimitSetting setting)
        => options.AddPolicy(policy, context =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
            var segments = Math.Min(Segments, setting.WindowSeconds);
            context.Items[RateLimitRejection.RetryAfterItem] = TimeSpan.FromSeconds((double)setting.WindowSeconds / segments);
            return RateLimitPartition.GetSlidingWindowLimiter(address.ToString(), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = setting.PermitLimit,
                Window = TimeSpan.FromSeconds(setting.WindowSeconds),
                SegmentsPerWindow = segments,
                QueueLimit = 0,
            });
        });
}
