using System.Security.Cryptography;
using System.Text;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// The name this node writes on the leases it takes: <c>Newsroom:NodeId</c>, or the machine's name with a hash of the
/// data folder's full path, so that it stays the same across restarts and two sites on one machine differ.
/// </summary>
internal sealed class NodeIdentity(IOptions<PublishingOptions> options, IOptions<DataDirectoryOptions> dataDir)
{
    private readonly Lazy<string> _id = new(() => Resolve(options.Value.NodeId, dataDir.Value.Path));

    public string Id => _id.Value;

    internal static string Resolve(string? configured, string dataDir)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim()[..Math.Min(configured.Trim().Length, 200)];
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDir).TrimEnd(Path.DirectorySeparatorChar)));
        var machine = Environment.MachineName;
        return $"{machine[..Math.Min(machine.Length, 100)]}-{Convert.ToHexStringLower(hash)[..12]}";
    }
}
