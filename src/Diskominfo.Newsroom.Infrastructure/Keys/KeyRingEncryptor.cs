using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// Encrypts each Data Protection key's secret before it is written: AES-256-GCM under a fresh key, that key wrapped with
/// the keys folder certificate's RSA key (OAEP-SHA256). What <c>ProtectKeysWithCertificate</c> does, with a certificate
/// that is only known once the site has read its settings; <see cref="KeyRingDecryptor"/> reverses it.
/// </summary>
internal sealed class KeyRingEncryptor(Func<X509Certificate2> certificate) : IXmlEncryptor
{
    public static readonly XName Element = XName.Get("encryptedKey", "urn:diskominfo-newsroom:key-ring:v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        var wrapping = certificate();
        using var rsa = wrapping.GetRSAPublicKey()!;
        var wrapped = rsa.Encrypt(key, RSAEncryptionPadding.OaepSHA256);
        CryptographicOperations.ZeroMemory(key);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(Element,
            new XAttribute("certificate", wrapping.Thumbprint),
            new XAttribute("key", Convert.ToBase64String(wrapped)),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}
