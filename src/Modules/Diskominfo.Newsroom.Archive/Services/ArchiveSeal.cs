using System.Security.Cryptography;
using System.Text;
using Diskominfo.Newsroom.Infrastructure.Keys;

namespace Diskominfo.Newsroom.Archive.Services;

/// <summary>The keyed seal of a filing: HMAC-SHA256 of the sheet's JSON under a key kept in the keys folder, never in the database.</summary>
internal sealed class ArchiveSeal(ISecretKeys keys)
{
    public const string Prefix = "hmac-sha256:v1:";

    public string Compute(string json)
        => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(keys.Get(SecretKeyNames.ArchiveSeal).Bytes, Encoding.UTF8.GetBytes(json)));

    public bool Matches(string json, string seal)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(seal), Encoding.ASCII.GetBytes(Compute(json)));
}
