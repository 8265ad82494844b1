using System.Net;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Publishing.Graph;

/// <summary>
/// The only hosts the site calls, and so the only ones a channel's token is ever sent to:
/// <c>Newsroom:Graph:AllowedHosts</c>, by default <c>graph.facebook.com</c> (Facebook Pages, and Instagram professional
/// accounts through Facebook Login; add <c>graph.instagram.com</c> for tokens of Instagram Login). Over HTTPS only;
/// plain HTTP only to a loopback host that is on the list (the tests' fake Graph server).
/// </summary>
internal sealed class GraphAllowlist(IConfiguration configuration)
{
    public const string SettingKey = "Newsroom:Graph:AllowedHosts";

    private static readonly string[] Default = ["graph.facebook.com"];

    public IReadOnlyList<string> Hosts { get; } = SettingLists.Read(configuration, SettingKey) is { Count: > 0 } hosts ? hosts : Default;

    public bool Allows(string? address) => Uri.TryCreate(address, UriKind.Absolute, out var uri) && Allows(uri);

    public bool Allows(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var scheme = address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && IsLoopback(address));
        return scheme
            && string.IsNullOrEmpty(address.UserInfo)
            && Hosts.Contains(address.IdnHost, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Why an address is refused, in Indonesian, for the admin.</summary>
    public string Refusal(string address)
    {
        var allowed = string.Join(", ", Hosts);
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && Hosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase) && string.IsNullOrEmpty(uri.UserInfo)
            ? $"Alamat Graph API harus memakai https:// ({allowed})."
            : $"Alamat Graph API hanya boleh di {allowed} (pengaturan {SettingKey}); token kanal tidak dikirim ke alamat lain.";
    }

    private static bool IsLoopback(Uri address)
        => address.IsLoopback || (IPAddress.TryParse(address.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
