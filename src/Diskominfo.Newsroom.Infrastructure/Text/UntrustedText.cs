using System.Text;

namespace Diskominfo.Newsroom.Infrastructure.Text;

/// <summary>
/// Text typed by people, made safe for the places it goes that escaping alone does not protect: control characters
/// (which XML 1.0, and so RSS, Atom, the sitemap and Excel files, cannot hold at all), bidirectional overrides (which
/// turn the text after them around on screen and can disguise what a line says), and spreadsheet formulas.
/// </summary>
public static class UntrustedText
{
    /// <summary>
    /// Without control characters (tabs and line breaks kept), bidirectional embeddings, overrides and isolates, lone
    /// surrogates and the non-characters U+FFFE and U+FFFF. Null stays null.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsUnwanted))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (!IsUnwanted(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Only the characters XML 1.0 allows (what <see cref="System.Xml.XmlWriter"/> would otherwise refuse with an exception).</summary>
    public static string ForXml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' or '\r' || (c >= 0x20 && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF')))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>
    /// Whether a spreadsheet would take the text for a formula (or, edited, turn it into one): it begins with = + - @,
    /// a tab or a line break, or their full-width forms (OWASP's list for CSV injection).
    /// </summary>
    public static bool LooksLikeFormula(string? text)
        => !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';

    private static bool IsUnwanted(char c)
        => (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
           || c is >= '\u202A' and <= '\u202E'
           || c is >= '\u2066' and <= '\u2069'
           || char.IsSurrogate(c)
           || c is '\uFFFE' or '\uFFFF';
}
