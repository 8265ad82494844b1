using Diskominfo.Newsroom.Publishing.Channels;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Models;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.AspNetCore.DataProtection;

namespace Diskominfo.Newsroom.Publishing.Connections;

/// <summary>
/// A channel's token: encrypted with Data Protection before it reaches the database, decrypted only to call Meta, and
/// only towards Meta's Graph hosts (<see cref="GraphAllowlist"/>). Nothing shows or logs it, only its last four characters.
/// </summary>
internal sealed class ChannelTokens(IDataProtectionProvider protection, GraphAllowlist allowlist)
{
    private IDataProtector Protector => protection.CreateProtector("Diskominfo.Newsroom.Publishing.ChannelTokens.v1");

    public string Protect(string token) => Protector.Protect(token);

    /// <summary>
    /// The credentials to call Meta with; null when the channel was never connected (publications then record a dry run).
    /// A token that cannot be decrypted (the data folder's keys were lost or replaced) is reported in <paramref name="problem"/>.
    /// </summary>
    public ChannelCredentials? Credentials(ChannelConnection? connection, out string? problem)
    {
        problem = null;
        if (connection is null)
        {
            return null;
        }

        // The token goes to the allowed Graph hosts only, whatever the stored address says (set before the allowlist,
        // from the configuration, or written into the database behind the site's back).
        if (!allowlist.Allows(connection.GraphBaseUrl))
        {
            problem = $"Alamat Graph API kanal ini ({connection.GraphBaseUrl}) tidak diizinkan: {allowlist.Refusal(connection.GraphBaseUrl)} Admin perlu menyambungkan kanal lagi dengan alamat yang benar dan tokennya.";
            return null;
        }

        var token = Open(connection);
        if (token is null)
        {
            problem = "Token kanal tidak dapat dibuka: kunci enkripsi di folder data berubah atau hilang. Admin perlu memasukkan token lagi.";
            return null;
        }

        return new ChannelCredentials { PageId = connection.TargetId, AccessToken = token, GraphBaseUrl = connection.GraphBaseUrl };
    }

    /// <summary>The stored token in clear, for a call (through <see cref="Credentials"/>) or the audit log's mask; null when it cannot be opened.</summary>
    public string? Open(ChannelConnection connection)
    {
        try
        {
            return Protector.Unprotect(connection.ProtectedToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
