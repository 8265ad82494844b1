namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// Named secret keys kept in the keys folder (or, with <c>Newsroom:Keys:Store</c> = <c>Database</c>, in the site's
/// database for every node), each generated once on first use and kept encrypted with the key-ring certificate: the API signing key, the key of the signed trail's HMAC, the archive seal.
/// </summary>
public interface ISecretKeys
{
    /// <summary>
    /// Checks where the keys are kept and who may read them (outside Development a misplaced or readable keys folder
    /// refuses the start with a <see cref="Hosting.StartupRefusedException"/>), and makes what is missing.
    /// </summary>
    void EnsureReady();

    /// <summary>The key named <paramref name="name"/> (letters, digits and dashes), generated with 64 random bytes when missing.</summary>
    SecretKey Get(string name);
}

/// <summary>A secret key and when it was first made (what existed before it cannot have been protected by it).</summary>
public sealed record SecretKey(byte[] Bytes, DateTimeOffset CreatedAt);

/// <summary>The names of the site's secret keys (files <c>{name}.key</c> in the keys folder).</summary>
public static class SecretKeyNames
{
    /// <summary>Signs the API's bearer tokens (HMAC-SHA256).</summary>
    public const string ApiSigning = "api-signing";

    /// <summary>Keys the buku agenda's hash chain (HMAC-SHA256).</summary>
    public const string HistoryChain = "history-chain";

    /// <summary>Seals each archive filing (HMAC-SHA256).</summary>
    public const string ArchiveSeal = "archive-seal";

    /// <summary>Made at the first start, so that each exists before anything it protects (and is in the first backup of the keys).</summary>
    public static IReadOnlyList<string> All { get; } = [ApiSigning, HistoryChain, ArchiveSeal];
}
