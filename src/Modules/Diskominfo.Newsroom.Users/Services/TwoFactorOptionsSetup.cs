using Diskominfo.Newsroom.Abstractions.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Reads <c>Newsroom:Auth:TwoFactorRoles</c>: a list (<c>TwoFactorRoles:0=admin</c>) or one comma-separated value
/// (<c>Newsroom__Auth__TwoFactorRoles=admin,kadis,kabid</c>); an empty value requires it of nobody; absent, admin and kadis.
/// </summary>
internal sealed class TwoFactorOptionsSetup(IConfiguration configuration) : IConfigureOptions<TwoFactorOptions>
{
    public void Configure(TwoFactorOptions options)
    {
        var section = configuration.GetSection("Newsroom:Auth:TwoFactorRoles");
        IEnumerable<string> roles = section.GetChildren().Any()
            ? section.GetChildren().Select(c => c.Value ?? "")
            : section.Value is { } value
                ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [NewsroomRoles.Admin, NewsroomRoles.Kadis];
        options.RequiredRoles = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
    }
}
