using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>Binds <c>Newsroom:Keys</c> and resolves its paths against the working folder, as the data folder is.</summary>
internal sealed class KeyStoreOptionsSetup(IConfiguration configuration) : IConfigureOptions<KeyStoreOptions>
{
    public void Configure(KeyStoreOptions options)
    {
        configuration.GetSection(KeyStoreOptions.Section).Bind(options);
        options.Directory = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Directory) ? "App_Keys" : options.Directory);
        options.Certificate = string.IsNullOrWhiteSpace(options.Certificate) ? null : Path.GetFullPath(options.Certificate);
    }
}
