using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Every bearer token is checked against its account (<see cref="BearerTokenEvents"/>), and its lifetime by the site's
/// clock, the same one that issued it.
/// </summary>
internal sealed class BearerEventsSetup(TimeProvider clock) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        options.EventsType = typeof(BearerTokenEvents);
        options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is { } end && now - parameters.ClockSkew < end
                && (notBefore is not { } start || now + parameters.ClockSkew >= start);
        };
    }
}
