using System.Security.Cryptography;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>RFC 6238 codes as an authenticator app makes them: HMAC-SHA1 over 30-second steps, 6 digits, from a Base32 key.</summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--, step >>= 8)
        {
            counter[i] = (byte)(step & 0xff);
        }

#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A valid code not handed out before for this key: the site takes each code once, and accepts the codes of the
    /// neighbouring 30-second steps for clock drift, so a test signing in several times within a minute gets distinct ones.
    /// </summary>
    public static string Unused(string base32Key)
    {
        lock (Used)
        {
            foreach (var offset in new[] { 0, 1, -1, 2, -2 })
            {
                var code = Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * offset));
                if (Used.Add($"{base32Key}:{code}"))
                {
                    return code;
                }
            }
        }

        throw new InvalidOperationException("More than five sign-ins with one key within a minute.");
    }

    private static readonly HashSet<string> Used = [];

    /// <summary>A code that is not the current one (nor the neighbouring ones a server accepts for clock drift).</summary>
    public static string WrongCode(string base32Key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        var wrong = 123456;
        while (near.Contains(wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
        {
            wrong++;
        }

        return wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
