namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// Where the site's secrets live (<c>Newsroom:Keys</c>): the Data Protection key ring, the API signing key and the
/// integrity keys of the signed trail and the archive, all in <see cref="Directory"/>, outside the data folder, so that a
/// copy of the data (database, uploads) never carries the keys that protect it.
/// </summary>
public sealed class KeyStoreOptions
{
    public const string Section = "Newsroom:Keys";

    /// <summary>The keys folder (mode 0700, files 0600); default <c>App_Keys</c> beside <c>App_Data</c>.</summary>
    public string Directory { get; set; } = "App_Keys";

    /// <summary>
    /// A PKCS#12 file (.pfx) with an RSA certificate and its private key that encrypts the key ring and the key files.
    /// Without it one is generated once as <c>key-ring.pfx</c> in <see cref="Directory"/>.
    /// </summary>
    public string? Certificate { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Where the key ring and the secret keys are kept: <see cref="KeyStoreKind.Folder"/> (default, one node) or
    /// <see cref="KeyStoreKind.Database"/> (several nodes share them; then <see cref="Certificate"/> is required and must be
    /// the same file on every node).
    /// </summary>
    public KeyStoreKind Store { get; set; } = KeyStoreKind.Folder;
}

/// <summary>Where the keys live (<c>Newsroom:Keys:Store</c>).</summary>
public enum KeyStoreKind
{
    /// <summary>The keys folder of this node.</summary>
    Folder,

    /// <summary>The site's database, encrypted with the configured certificate: every node uses the same keys.</summary>
    Database,
}
