using System.Globalization;
using System.Security.Cryptography;

namespace Diskominfo.Newsroom.Theme.Identity;

/// <summary>What makes the site this regency's: its name, its office, its colour, logo and contacts.</summary>
public sealed record SiteIdentity(
    string Name,
    string Publisher,
    string? Address,
    string? Phone,
    string? Email,
    string? Facebook,
    string? Instagram,
    string? YouTube,
    string BrandColor,
    string? LogoVersion)
{
    public const string DefaultBrandColor = "#0b4f8a";

    /// <summary>The theme stylesheet's address; it changes with the colour, so browsers may keep it for a year.</summary>
    public string ThemeCssPath => $"/situs/tema.css?v={BrandColor.TrimStart('#')}";

    public string? LogoPath => LogoVersion is null ? null : $"/situs/logo.png?v={LogoVersion}";

    public IEnumerable<(string Label, string Url)> SocialLinks()
    {
        if (Facebook is not null) { yield return ("Facebook", Facebook); }
        if (Instagram is not null) { yield return ("Instagram", Instagram); }
        if (YouTube is not null) { yield return ("YouTube", YouTube); }
    }

    public static string Version(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];

    /// <summary>WCAG contrast ratio of white text on <paramref name="hex"/> (#rrggbb).</summary>
    public static double ContrastWithWhite(string hex)
    {
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var luminance = (0.2126 * Channel((rgb >> 16) & 0xFF)) + (0.7152 * Channel((rgb >> 8) & 0xFF)) + (0.0722 * Channel(rgb & 0xFF));
        return 1.05 / (luminance + 0.05);
    }
}
