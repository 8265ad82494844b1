using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// Earlier versions kept the Data Protection keys (unencrypted) and the API signing key in <c>{DataDir}/keys</c>. On the
/// first start with a keys folder they are moved there: the key ring's secrets encrypted with the certificate as new keys
/// are, the signing key as a key file; then the old files are deleted, so that the data folder holds no key any more.
/// Sign-ins, reset links and the stored channel tokens keep working.
/// </summary>
internal sealed partial class LegacyKeyImport(KeyStore store, X509Certificate2 certificate, string dataDir, ILogger logger)
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    public void Run()
    {
        var legacy = Path.Combine(dataDir, "keys");
        if (!Directory.Exists(legacy) || KeyFiles.IsInside(store.Directory, legacy) || KeyFiles.IsInside(legacy, store.Directory))
        {
            return;
        }

        var signingKey = Path.Combine(legacy, "api-signing.key");
        if (File.Exists(signingKey))
        {
            store.Import(SecretKeyNames.ApiSigning, Convert.FromBase64String(File.ReadAllText(signingKey).Trim()));
            File.Delete(signingKey);
            LogMoved(logger, signingKey, store.Directory);
        }

        var ring = Path.Combine(legacy, "data-protection");
        if (Directory.Exists(ring))
        {
            var encryptor = new KeyRingEncryptor(() => certificate);
            foreach (var file in Directory.EnumerateFiles(ring, "*.xml"))
            {
                var element = Encrypt(XElement.Load(file), encryptor);
                var target = Path.Combine(store.KeyRingDirectory, Path.GetFileName(file));
                KeyFiles.TryCreate(target, System.Text.Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)));
                File.Delete(file);
                LogMoved(logger, file, store.KeyRingDirectory);
            }

            DeleteIfEmpty(ring);
        }

        DeleteIfEmpty(legacy);
    }

    /// <summary>What the key manager does before storing a key: each element marked <c>requiresEncryption</c> becomes an <c>encryptedSecret</c>.</summary>
    private static XElement Encrypt(XElement key, KeyRingEncryptor encryptor)
    {
        var copy = new XElement(key);
        while (copy.DescendantsAndSelf().FirstOrDefault(e => (bool?)e.Attribute(RequiresEncryption) == true) is { } secret)
        {
            var encrypted = encryptor.Encrypt(secret);
            secret.ReplaceWith(new XElement(EncryptedSecret,
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                encrypted.EncryptedElement));
        }

        return copy;
    }

    private static void DeleteIfEmpty(string folder)
    {
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved the key {File} out of the data folder into {Folder}, encrypted")]
    private static partial void LogMoved(ILogger logger, string file, string folder);
}
