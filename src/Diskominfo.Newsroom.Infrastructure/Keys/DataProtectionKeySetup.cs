using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// The Data Protection key ring lives in the keys folder (or, with <c>Newsroom:Keys:Store</c> = <c>Database</c>, in the
/// site's database) and every key's secret is encrypted with the keys folder's
/// certificate before it is written (<see cref="KeyRingEncryptor"/>). Nothing here reads the keys folder yet: that
/// happens at start (<see cref="Hosting.NewsroomInitializer"/>), where a refusal ends the process cleanly.
/// </summary>
internal sealed class DataProtectionKeySetup(KeyStore store, IServiceScopeFactory scopes) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        options.XmlRepository = store.InDatabase ? new DatabaseKeyRingRepository(store, scopes) : new KeyRingRepository(store);
        options.XmlEncryptor = new KeyRingEncryptor(() => store.Certificate);
    }
}
