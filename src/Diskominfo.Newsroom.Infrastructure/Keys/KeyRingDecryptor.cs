using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// Decrypts what <see cref="KeyRingEncryptor"/> wrote. Data Protection creates it by name from the key's XML, through
/// the constructor that takes the site's services.
/// </summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var store = services.GetRequiredService<KeyStore>();
        var certificate = store.Certificate;
        var thumbprint = (string?)encryptedElement.Attribute("certificate");
        if (encryptedElement.Name != KeyRingEncryptor.Element || !string.Equals(thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
        {
            throw new CryptographicException(
                $"This Data Protection key was encrypted with certificate {thumbprint}, not with the keys folder's certificate {certificate.Thumbprint}.");
        }

        using var rsa = certificate.GetRSAPrivateKey()!;
        var key = rsa.Decrypt(Convert.FromBase64String((string)encryptedElement.Attribute("key")!), RSAEncryptionPadding.OaepSHA256);
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var cipher = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Decrypt(nonce, cipher, tag, plain);
        }

        CryptographicOperations.ZeroMemory(key);
        var element = XElement.Parse(Encoding.UTF8.GetString(plain));
        CryptographicOperations.ZeroMemory(plain);
        return element;
    }
}
