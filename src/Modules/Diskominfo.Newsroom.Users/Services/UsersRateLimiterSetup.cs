using Diskominfo.Newsroom.Infrastructure.Http;
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
    public void Configure(RateLimiterOptions options)
    {
        AddPolicy(options, UsersRateLimits.SignIn, ClientRateLimits.Read(configuration, "SignIn", permitLimit: 100, windowSeconds: 300));
        AddPolicy(options, UsersRateLimits.PasswordReset, ClientRateLimits.Read(configuration, "PasswordReset", permitLimit: 20, windowSeconds: 3600));
    }

    private static void AddPolicy(RateLimiterOptions options, string policy, RateLimitSetting setting)
        => options.AddPolicy(policy, context => ClientRateLimits.IsRead(context)
            ? System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("read")
            : ClientRateLimits.PerAddress(context, setting, RateLimitNotice.SignIn));
}
