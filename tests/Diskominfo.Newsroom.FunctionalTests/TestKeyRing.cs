using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The key-ring certificate a site makes at its first start (<c>key-ring.pfx</c>: RSA 3072, self-signed, as the site's
/// KeyStore makes it), made once per test run and placed in the keys folder of each fresh test site before it starts,
/// as if that site had made it. Finding primes for an RSA 3072 key takes about half a second of CPU, and a run starts
/// hundreds of fresh sites. The site's own making of the certificate stays tested (<see cref="KeyStoreTests"/> starts
/// its sites with <c>ownKeyRing</c>), and so does every test that configures its keys or brings its own folders.
/// </summary>
internal static class TestKeyRing
{
    private static readonly Lazy<byte[]> Pfx = new(() =>
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Diskominfo Newsroom key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        return certificate.Export(X509ContentType.Pkcs12);
    });

    /// <summary>
    /// Creates <paramref name="keysFolder"/> (owner only) holding the run's certificate, unless the folder exists (or on
    /// Windows, where the site makes its own).
    /// </summary>
    public static void PlaceIn(string keysFolder)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(keysFolder))
        {
            return;
        }

        Directory.CreateDirectory(keysFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using var file = new FileStream(Path.Combine(keysFolder, "key-ring.pfx"), options);
        file.Write(Pfx.Value);
    }
}
