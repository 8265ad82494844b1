using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// The Data Protection key ring in <c>{keys}/data-protection</c>: one XML file per key, written with mode 0600 through a
/// temporary file (the keys' secrets inside are already encrypted with the certificate by the key manager).
/// </summary>
internal sealed class KeyRingRepository(KeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        store.EnsureReady();
        return [.. Directory.EnumerateFiles(store.KeyRingDirectory, "*.xml").Select(XElement.Load)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        store.EnsureReady();
        var name = string.IsNullOrWhiteSpace(friendlyName) || friendlyName.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-')
            ? Guid.NewGuid().ToString("D")
            : friendlyName;
        KeyFiles.TryCreate(Path.Combine(store.KeyRingDirectory, name + ".xml"), System.Text.Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)));
    }
}
