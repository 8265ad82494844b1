using System.Text;
using Diskominfo.Newsroom.Abstractions.Results;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Checks a PDF (scanned pages of clippings, an adventorial's documents) without rendering it: the header, a complete
/// file (the end-of-file marker is there), and none of the active content a viewer would run (scripts, launch actions,
/// embedded files). PDFs are filed and downloaded, never shown inline or turned into images.
/// </summary>
internal static class DocumentInspector
{
    private static readonly string[] ActiveContent = ["/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/RichMedia", "/XFA"];

    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    public static Outcome<ImageInspector.Inspection> Inspect(byte[] bytes)
    {
        if (!LooksLikePdf(bytes) || bytes.Length < 64)
        {
            return Refuse("Berkas bukan PDF yang sah.");
        }

        var tail = Encoding.Latin1.GetString(bytes, Math.Max(0, bytes.Length - 2048), Math.Min(2048, bytes.Length));
        if (!tail.Contains("%%EOF", StringComparison.Ordinal))
        {
            return Refuse("PDF rusak atau tidak lengkap (mungkin terpotong saat diunggah). Unggah ulang berkas aslinya.");
        }

        var text = Encoding.Latin1.GetString(bytes);
        var active = ActiveContent.FirstOrDefault(marker => ContainsName(text, marker));
        if (active is not null)
        {
            return Refuse($"PDF berisi konten aktif ({active.TrimStart('/')}) yang tidak diizinkan. Simpan ulang sebagai PDF biasa (misalnya hasil pindai) lalu unggah lagi.");
        }

        return Outcome<ImageInspector.Inspection>.Ok(new ImageInspector.Inspection(Abstractions.Content.PhotoRef.Pdf, "pdf", 0, 0));
    }

    // A PDF name ends at a delimiter: "/JS" must not match "/JSmith" but must match "/JS (" or "/JS<".
    private static bool ContainsName(string text, string name)
    {
        var at = 0;
        while ((at = text.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
        {
            var end = at + name.Length;
            if (end >= text.Length || !char.IsAsciiLetterOrDigit(text[end]))
            {
                return true;
            }

            at = end;
        }

        return false;
    }

    private static Outcome<ImageInspector.Inspection> Refuse(string message)
        => Outcome<ImageInspector.Inspection>.From(Outcome.Invalid("file", message));
}
