using System.Security.Cryptography;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// One-time passwords an admin hands over: three groups of four characters (about 68 bits), without look-alike
/// characters (0/O, 1/l/I), with upper case, lower case and a digit, so that Identity's rules accept them.
/// </summary>
internal static class TemporaryPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string All = Upper + Lower + Digits;

    public static string Generate()
    {
        while (true)
        {
            var chars = new char[12];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = All[RandomNumberGenerator.GetInt32(All.Length)];
            }

            if (chars.Any(c => Upper.Contains(c, StringComparison.Ordinal))
                && chars.Any(c => Lower.Contains(c, StringComparison.Ordinal))
                && chars.Any(char.IsAsciiDigit))
            {
                return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
            }
        }
    }
}
