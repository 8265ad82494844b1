using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Every bearer token is checked against its account (<see cref="BearerTokenEvents"/>).</summary>
internal sealed class BearerEventsSetup : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            options.EventsType = typeof(BearerTokenEvents);
        }
    }
}
