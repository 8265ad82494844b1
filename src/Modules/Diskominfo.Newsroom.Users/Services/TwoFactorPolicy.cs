using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Who must sign in with a second factor: anyone holding a role of <see cref="TwoFactorOptions.RequiredRoles"/>, except
/// the demo accounts while the site runs with them (so the README's demo signs in with a password alone).
/// </summary>
internal sealed class TwoFactorPolicy(IOptions<TwoFactorOptions> options, IConfiguration configuration, IHostEnvironment environment)
{
    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(options.Value.RequiredRoles.Contains);

    public bool IsExempt(NewsroomUser user) => user.IsDemo && DemoMode.IsOn(configuration, environment);

    /// <summary>The person must enrol before doing anything else.</summary>
    public bool MustEnrol(NewsroomUser user, IEnumerable<string> roles) => !user.TwoFactorEnabled && !IsExempt(user) && IsRequiredFor(roles);

    /// <summary>Whether the person may turn two-factor sign-in off.</summary>
    public bool MayTurnOff(NewsroomUser user, IEnumerable<string> roles) => IsExempt(user) || !IsRequiredFor(roles);
}
