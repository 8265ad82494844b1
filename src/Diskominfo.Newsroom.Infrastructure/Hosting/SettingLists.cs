using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// A setting that is a list: one value separated by <c>;</c> or <c>,</c> (as ASP.NET Core's <c>AllowedHosts</c>, and
/// handy in an environment file: <c>Newsroom__Proxy__KnownProxies=10.0.0.5;10.0.0.6</c>), or an array in JSON.
/// </summary>
public static class SettingLists
{
    public static IReadOnlyList<string> Read(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(key);
        var values = string.IsNullOrWhiteSpace(section.Value)
            ? section.GetChildren().Select(c => c.Value ?? "")
            : section.Value.Split([';', ',']);
        return values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }
}
