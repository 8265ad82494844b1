using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// The Data Protection key ring in the site's database (<c>keys_data_protection</c>), shared by every node, so that a
/// cookie or antiforgery token protected on one node is read on any other, and a key one node makes is seen by all
/// (a node that meets an unknown key reads the ring again). Each key's secret is encrypted with the certificate by the
/// key manager before it gets here (<see cref="KeyRingEncryptor"/>).
/// </summary>
internal sealed class DatabaseKeyRingRepository(KeyStore store, IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        store.EnsureReady();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KeysDbContext>();
        return [.. db.KeyRing.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.EnsureReady();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KeysDbContext>();
        db.KeyRing.Add(new StoredKeyRingElement
        {
            FriendlyName = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("D") : friendlyName[..Math.Min(friendlyName.Length, 200)],
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
