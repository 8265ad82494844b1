using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>
/// Prints the clipping book on A4 with PDFsharp: a cover, the summary per outlet and tone with the Kadis's signature
/// block (lembar pengesahan), then one page per clipping, grouped by koran, majalah and tabloid (also as PDF bookmarks):
/// headline, outlet, edition date, page and tone above its scan.
/// </summary>
internal static class ClippingBookPdf
{
    private const double Margin = 50;

    public static byte[] Render(ClippingBook book, string? licenseKey)
    {
        PdfSetup.Initialize(licenseKey);
        using var document = new PdfDocument();
        document.Info.Title = $"Buku Kliping {book.MonthName}";
        document.Info.Subject = book.Office;
        document.Info.Creator = "Diskominfo Newsroom";

        // The scans are JPEGs already: embedded as they are, without PDFsharp trying to deflate each one again.
        document.Options.UseFlateDecoderForJpegImages = PdfUseFlateDecoderForJpegImages.Never;
        var fonts = new Fonts();

        Cover(document, book, fonts);
        Summary(document, book, fonts);
        var number = 0;
        foreach (var (group, index) in book.Groups.Select((g, i) => (g, i)))
        {
            PdfOutline? outline = null;
            foreach (var clipping in group.Clippings)
            {
                var page = PdfText.NewA4Page(document);
                outline ??= document.Outlines.Add($"{Roman(index + 1)}. {group.Label}", page, true);
                outline.Outlines.Add(clipping.Headline, page);
                ClippingPage(page, group, index, clipping, ++number, clipping == group.Clippings[0], fonts);
            }
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Cover(PdfDocument document, ClippingBook book, Fonts fonts)
    {
        var page = PdfText.NewA4Page(document);
        using var g = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - (2 * Margin);
        var y = 220.0;
        foreach (var (text, font, gap) in new[]
        {
            (book.Office.ToUpperInvariant(), fonts.Heading, 44.0),
            ("BUKU KLIPING", fonts.Cover, 40.0),
            ("MEDIA CETAK", fonts.Heading, 40.0),
            ($"Bulan {book.MonthName}", fonts.Heading, 60.0),
        })
        {
            g.DrawString(text, font, XBrushes.Black, new XRect(Margin, y, width, font.GetHeight()), XStringFormats.TopCenter);
            y += gap;
        }

        var counts = book.Groups.Count == 0
            ? "Tidak ada kliping terpilih pada bulan ini."
            : $"{book.Count} kliping terpilih: " + string.Join(", ", book.Groups.Select(gr => $"{gr.Label.ToLowerInvariant()} {gr.Clippings.Count}"));
        g.DrawString(counts, fonts.Normal, XBrushes.Black, new XRect(Margin, y, width, 20), XStringFormats.TopCenter);
        g.DrawString($"Dicetak {IndonesianTime.Short(book.PrintedAt)}", fonts.Small, XBrushes.Black,
            new XRect(Margin, page.Height.Point - Margin - 20, width, 20), XStringFormats.TopCenter);
    }

    /// <summary>The summary table per outlet and tone, continued over pages as needed, then the signature block.</summary>
    private static void Summary(PdfDocument document, ClippingBook book, Fonts fonts)
    {
        var page = PdfText.NewA4Page(document);
        var g = XGraphics.FromPdfPage(page);
        document.Outlines.Add("Rekapitulasi dan pengesahan", page, true);
        var width = page.Width.Point - (2 * Margin);
        var bottom = page.Height.Point - Margin;
        var y = Margin;
        g.DrawString("REKAPITULASI KLIPING PER MEDIA DAN NADA", fonts.Title, XBrushes.Black, new XRect(Margin, y, width, 18), XStringFormats.TopCenter);
        y += 20;
        g.DrawString($"Bulan {book.MonthName}", fonts.Normal, XBrushes.Black, new XRect(Margin, y, width, 14), XStringFormats.TopCenter);
        y += 28;

        double[] columns = [28, 170, 70, 55, 55, 55, 0];
        columns[^1] = width - columns[..^1].Sum();
        string[] headers = ["No", "Media", "Jenis", "Positif", "Netral", "Negatif", "Jumlah"];
        const double rowHeight = 18;
        void Row(IReadOnlyList<string> cells, XFont font, bool shade)
        {
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = new XRect(x, y, columns[i], rowHeight);
                if (shade)
                {
                    g.DrawRectangle(XBrushes.LightGray, rect);
                }

                g.DrawRectangle(XPens.Black, rect);
                var format = i is 1 or 2 ? XStringFormats.CenterLeft : XStringFormats.Center;
                var inner = i is 1 or 2 ? new XRect(rect.X + 4, rect.Y, rect.Width - 8, rect.Height) : rect;
                g.DrawString(PdfText.Fit(g, cells[i], font, inner.Width), font, XBrushes.Black, inner, format);
                x += columns[i];
            }

            y += rowHeight;
        }

        Row(headers, fonts.Bold, shade: true);
        var number = 0;
        foreach (var line in book.Summary)
        {
            if (y + rowHeight > bottom)
            {
                g.Dispose();
                page = PdfText.NewA4Page(document);
                g = XGraphics.FromPdfPage(page);
                y = Margin;
                Row(headers, fonts.Bold, shade: true);
            }

            Row([(++number).ToString(CultureInfo.InvariantCulture), line.Outlet, line.MediaType, N(line.Positive), N(line.Neutral), N(line.Negative), N(line.Total)], fonts.Normal, shade: false);
        }

        Row(["", "Jumlah", "", N(book.Summary.Sum(l => l.Positive)), N(book.Summary.Sum(l => l.Neutral)), N(book.Summary.Sum(l => l.Negative)), N(book.Count)], fonts.Bold, shade: true);

        // The signature block (lembar pengesahan), on the right, on a new page when this one is full.
        const double blockHeight = 150;
        if (y + 30 + blockHeight > bottom)
        {
            g.Dispose();
            page = PdfText.NewA4Page(document);
            g = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        y += 30;
        var left = Margin + (width / 2);
        var blockWidth = width / 2;
        var printed = IndonesianTime.ToWib(book.PrintedAt).ToString("d MMMM yyyy", IndonesianTime.Culture);
        foreach (var (text, font) in new[] { ($"Ditetapkan, {printed}", fonts.Normal), ("Mengetahui,", fonts.Normal), (book.Signatory.Title, fonts.Bold) })
        {
            foreach (var line in PdfText.Wrap(g, text, font, blockWidth))
            {
                g.DrawString(line, font, XBrushes.Black, new XRect(left, y, blockWidth, 14), XStringFormats.TopCenter);
                y += font.GetHeight() + 2;
            }
        }

        y += 60;
        var name = book.Signatory.Name ?? "(Kepala Dinas belum terdaftar)";
        g.DrawString(name, fonts.Bold, XBrushes.Black, new XRect(left, y, blockWidth, 14), XStringFormats.TopCenter);
        var nameWidth = Math.Min(blockWidth, g.MeasureString(name, fonts.Bold).Width);
        y += fonts.Bold.GetHeight() + 1;
        g.DrawLine(XPens.Black, left + ((blockWidth - nameWidth) / 2), y, left + ((blockWidth + nameWidth) / 2), y);
        y += 3;
        g.DrawString($"NIP. {book.Signatory.Nip ?? "-"}", fonts.Normal, XBrushes.Black, new XRect(left, y, blockWidth, 14), XStringFormats.TopCenter);
        g.Dispose();
    }

    private static void ClippingPage(PdfPage page, BookGroup group, int groupIndex, BookClipping clipping, int number, bool firstOfGroup, Fonts fonts)
    {
        using var g = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - (2 * Margin);
        var bottom = page.Height.Point - Margin;
        var y = Margin;
        if (firstOfGroup)
        {
            g.DrawString($"{Roman(groupIndex + 1)}. {group.Label.ToUpperInvariant()}", fonts.Heading, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += 28;
        }

        foreach (var line in PdfText.Wrap(g, $"{number}. {clipping.Headline}", fonts.Title, width))
        {
            g.DrawString(line, fonts.Title, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += fonts.Title.GetHeight();
        }

        y += 4;
        var facts = $"{clipping.Outlet} ({group.Label.ToLowerInvariant()}) · {clipping.EditionDate.ToString("dddd, d MMMM yyyy", IndonesianTime.Culture)}"
            + (clipping.Page is null ? "" : $" · halaman {clipping.Page}") + $" · nada {clipping.Tone}";
        foreach (var line in PdfText.Wrap(g, facts, fonts.Normal, width))
        {
            g.DrawString(line, fonts.Normal, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += fonts.Normal.GetHeight();
        }

        y += 10;
        if (clipping.Scan is null)
        {
            g.DrawString("(Tanpa pindaian)", fonts.Normal, XBrushes.Gray, new XPoint(Margin, y), XStringFormats.TopLeft);
        }
        else
        {
            using var stream = new MemoryStream(WithJfif(clipping.Scan), writable: false);
            using var image = Read(stream);
            if (image is null)
            {
                g.DrawString("(Pindaian tidak dapat dicetak; lihat berkasnya di arsip)", fonts.Normal, XBrushes.Gray, new XPoint(Margin, y), XStringFormats.TopLeft);
                return;
            }

            var room = bottom - y - (clipping.MoreScans > 0 ? 16 : 0);
            var scale = Math.Min(width / image.PointWidth, room / image.PointHeight);
            var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
            g.DrawImage(image, Margin + ((width - w) / 2), y, w, h);
            g.DrawRectangle(XPens.LightGray, Margin + ((width - w) / 2), y, w, h);
            y += h + 4;
        }

        if (clipping.MoreScans > 0)
        {
            g.DrawString($"Ditambah {clipping.MoreScans} halaman pindaian lain di arsip.", fonts.Small, XBrushes.Gray, new XPoint(Margin, y), XStringFormats.TopLeft);
        }

        g.DrawString(page.Owner.PageCount.ToString(CultureInfo.InvariantCulture), fonts.Small, XBrushes.Gray,
            new XRect(Margin, bottom + 16, width, 12), XStringFormats.TopCenter);
    }

    /// <summary>
    /// A JPEG as PDFsharp takes it: embedded as it is, but recognised only by a JFIF (or Exif) header, which an encoder
    /// may leave out; a minimal JFIF header is put in front then.
    /// </summary>
    private static byte[] WithJfif(byte[] jpeg)
        => jpeg.Length > 4 && jpeg[0] == 0xFF && jpeg[1] == 0xD8 && !(jpeg[2] == 0xFF && jpeg[3] is 0xE0 or 0xE1)
            ? [0xFF, 0xD8, .. Jfif, .. jpeg.AsSpan(2)]
            : jpeg;

    private static XImage? Read(Stream stream)
    {
        try
        {
            return XImage.FromStream(stream);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>APP0: "JFIF\0", version 1.01, no units, aspect 1:1, no thumbnail.</summary>
    private static ReadOnlySpan<byte> Jfif => [0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Roman(int value) => value switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", _ => value.ToString(CultureInfo.InvariantCulture) };

    private sealed class Fonts
    {
        public XFont Normal { get; } = new(PdfSetup.Family, 10.5, XFontStyleEx.Regular);

        public XFont Bold { get; } = new(PdfSetup.Family, 10.5, XFontStyleEx.Bold);

        public XFont Small { get; } = new(PdfSetup.Family, 8.5, XFontStyleEx.Regular);

        public XFont Title { get; } = new(PdfSetup.Family, 14, XFontStyleEx.Bold);

        public XFont Heading { get; } = new(PdfSetup.Family, 16, XFontStyleEx.Bold);

        public XFont Cover { get; } = new(PdfSetup.Family, 30, XFontStyleEx.Bold);
    }
}
