using System.Reflection;
using PdfSharp.Fonts;

namespace Diskominfo.Newsroom.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's process-wide set-up, once for every module that prints (the archive sheet, the coverage bulletin):
/// PDFsharp 6.5 (the only version the registry has) runs under its free AGPL license or a commercial key, and every
/// face resolves to the embedded Liberation Sans (regular or bold), so a PDF looks the same on any server.
/// </summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();

    /// <summary>The family every PDF of the site uses.</summary>
    public const string Family = "Liberation Sans";

    /// <summary>Sets the license and the fonts unless done already (the first caller's key counts).</summary>
    public static void Initialize(string? licenseKey)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(licenseKey))
            {
                PdfSharp.PdfSharpLicense.SetAgplLicense();
            }
            else
            {
                PdfSharp.PdfSharpLicense.LoadLicense(licenseKey);
            }

            GlobalFontSettings.FontResolver = new EmbeddedFonts();
        }
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
            => new(bold ? "LiberationSans-Bold" : "LiberationSans-Regular");

        public byte[] GetFont(string faceName)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Diskominfo.Newsroom.Infrastructure.Pdf.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
