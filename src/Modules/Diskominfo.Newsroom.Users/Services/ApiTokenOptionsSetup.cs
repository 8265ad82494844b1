using System.Security.Cryptography;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Binds <see cref="ApiTokenOptions"/> and provides the signing key, generating and keeping one when none is configured.</summary>
internal sealed class TokenOptionsSetup(IConfiguration configuration, IOptions<DataDirectoryOptions> dataDir) : IConfigureOptions<ApiTokenOptions>
{
    private static readonly Lock KeyFileLock = new();

    public void Configure(ApiTokenOptions options)
    {
        configuration.GetSection("Newsroom:Auth").Bind(options);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            options.KeyBytes = Convert.FromBase64String(options.SigningKey);
            return;
        }

        var path = dataDir.Value.Combine("keys", "api-signing.key");
        lock (KeyFileLock)
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            }

            options.KeyBytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
