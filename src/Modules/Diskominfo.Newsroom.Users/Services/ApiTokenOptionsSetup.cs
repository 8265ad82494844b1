using Diskominfo.Newsroom.Infrastructure.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Binds <see cref="ApiTokenOptions"/> and provides the signing key: the configured one, or the keys folder's
/// <c>api-signing</c> key (generated once, kept encrypted outside the data folder).
/// </summary>
internal sealed class TokenOptionsSetup(IConfiguration configuration, ISecretKeys keys) : IConfigureOptions<ApiTokenOptions>
{
    public void Configure(ApiTokenOptions options)
    {
        configuration.GetSection("Newsroom:Auth").Bind(options);
        options.KeyBytes = string.IsNullOrWhiteSpace(options.SigningKey)
            ? keys.Get(SecretKeyNames.ApiSigning).Bytes
            : Convert.FromBase64String(options.SigningKey);
    }
}
