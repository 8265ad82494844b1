using Diskominfo.Newsroom.Infrastructure.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>
/// Prints the monthly bulletin (pencetakan berita informasi pembangunan daerah) on A4 with PDFsharp: a cover with the
/// office's name and the month in Indonesian, a table of contents with page numbers (and the same entries as PDF
/// bookmarks), then the approved coverage reports and the published press releases with their photos.
/// </summary>
internal static class BulletinPdf
{
    private const double Margin = 56;
    private const int TocLinesPerPage = 36;

    public static byte[] Render(Bulletin bulletin, string? licenseKey)
    {
        PdfSetup.Initialize(licenseKey);
        using var document = new PdfDocument();
        document.Info.Title = $"Buletin Informasi Pembangunan Daerah {bulletin.MonthName}";
        document.Info.Subject = bulletin.Office;
        document.Info.Creator = "Diskominfo Newsroom";
        var fonts = new Fonts();

        Cover(document, bulletin, fonts);
        if (!bulletin.IsEmpty)
        {
            var contents = new List<(string Title, int Level, PdfPage Page)>();
            var tocLines = bulletin.Reports.Count + bulletin.PressReleases.Count + 2;
            var tocPages = Enumerable.Range(0, (tocLines + TocLinesPerPage - 1) / TocLinesPerPage).Select(_ => PdfText.NewA4Page(document)).ToList();
            using (var writer = new PageWriter(document, fonts))
            {
                Part(writer, contents, "Bagian I. Laporan hasil peliputan", bulletin.Reports, "Tidak ada laporan liputan yang disahkan bulan ini.");
                Part(writer, contents, "Bagian II. Siaran pers yang terbit", bulletin.PressReleases, "Tidak ada siaran pers yang terbit bulan ini.");
            }

            TableOfContents(document, tocPages, contents, fonts);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Cover(PdfDocument document, Bulletin bulletin, Fonts fonts)
    {
        var page = PdfText.NewA4Page(document);
        using var g = XGraphics.FromPdfPage(page);
        var width = page.Width.Point;
        var y = 200.0;
        foreach (var (text, font, gap) in new[]
        {
            (bulletin.Office.ToUpperInvariant(), fonts.Heading, 40.0),
            ("BULETIN", fonts.Cover, 34.0),
            ("INFORMASI PEMBANGUNAN DAERAH", fonts.Heading, 40.0),
            ($"Bulan {bulletin.MonthName}", fonts.Heading, 60.0),
        })
        {
            g.DrawString(text, font, XBrushes.Black, new XRect(Margin, y, width - (2 * Margin), font.GetHeight()), XStringFormats.TopCenter);
            y += gap;
        }

        var summary = bulletin.IsEmpty
            ? "Tidak ada laporan liputan yang disahkan dan tidak ada siaran pers yang terbit pada bulan ini."
            : $"{bulletin.Reports.Count} laporan hasil peliputan, {bulletin.PressReleases.Count} siaran pers";
        g.DrawString(summary, fonts.Normal, XBrushes.Black, new XRect(Margin, y, width - (2 * Margin), 20), XStringFormats.TopCenter);
        g.DrawString($"Dicetak {Abstractions.Text.IndonesianTime.Short(bulletin.PrintedAt)}", fonts.Small, XBrushes.Black,
            new XRect(Margin, page.Height.Point - Margin - 20, width - (2 * Margin), 20), XStringFormats.TopCenter);
    }

    private static void Part(PageWriter writer, List<(string, int, PdfPage)> contents, string heading, IReadOnlyList<BulletinEntry> entries, string none)
    {
        writer.StartPage();
        contents.Add((heading, 0, writer.Page));
        writer.Text(heading, writer.Fonts.Heading, after: 12);
        if (entries.Count == 0)
        {
            writer.Text(none, writer.Fonts.Normal);
            return;
        }

        foreach (var entry in entries)
        {
            writer.Ensure(80);
            contents.Add((entry.Title, 1, writer.Page));
            writer.Text(entry.Title, writer.Fonts.Title, before: 10, after: 4);
            foreach (var fact in entry.Facts)
            {
                writer.Text(fact, writer.Fonts.Small, after: 1);
            }

            writer.Space(6);
            foreach (var paragraph in entry.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                writer.Text(paragraph, writer.Fonts.Normal, after: 5);
            }

            foreach (var photo in entry.Photos)
            {
                writer.Image(photo.Bytes, photo.Caption);
            }
        }
    }

    private static void TableOfContents(PdfDocument document, List<PdfPage> pages, List<(string Title, int Level, PdfPage Page)> contents, Fonts fonts)
    {
        var pageNumbers = document.Pages.Cast<PdfPage>().Select((p, i) => (p, i + 1)).ToDictionary(x => x.p, x => x.Item2);
        PdfOutline? part = null;
        for (var page = 0; page < pages.Count; page++)
        {
            using var g = XGraphics.FromPdfPage(pages[page], XGraphicsPdfPageOptions.Append);
            var y = Margin;
            if (page == 0)
            {
                g.DrawString("Daftar isi", fonts.Heading, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
                y += 30;
            }

            var width = pages[page].Width.Point - (2 * Margin);
            foreach (var (title, level, target) in contents.Skip(page * TocLinesPerPage).Take(TocLinesPerPage))
            {
                var font = level == 0 ? fonts.Bold : fonts.Normal;
                var indent = level * 16;
                var number = pageNumbers[target].ToString(System.Globalization.CultureInfo.InvariantCulture);
                var shown = PdfText.Fit(g, title, font, width - indent - 40);
                g.DrawString(shown, font, XBrushes.Black, new XPoint(Margin + indent, y), XStringFormats.TopLeft);
                g.DrawString(number, font, XBrushes.Black, new XRect(Margin, y, width, font.GetHeight()), XStringFormats.TopRight);
                y += font.GetHeight() + 5;
            }
        }

        foreach (var (title, level, target) in contents)
        {
            if (level == 0 || part is null)
            {
                part = document.Outlines.Add(title, target, true);
            }
            else
            {
                part.Outlines.Add(title, target);
            }
        }
    }

    private sealed class Fonts
    {
        public XFont Normal { get; } = new("Liberation Sans", 10.5, XFontStyleEx.Regular);

        public XFont Bold { get; } = new("Liberation Sans", 10.5, XFontStyleEx.Bold);

        public XFont Small { get; } = new("Liberation Sans", 8.5, XFontStyleEx.Regular);

        public XFont Title { get; } = new("Liberation Sans", 13, XFontStyleEx.Bold);

        public XFont Heading { get; } = new("Liberation Sans", 16, XFontStyleEx.Bold);

        public XFont Cover { get; } = new("Liberation Sans", 30, XFontStyleEx.Bold);
    }

    /// <summary>Flows text and photos down A4 pages, word-wrapped, starting a page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document, Fonts fonts) : IDisposable
    {
        private XGraphics? _graphics;
        private double _y;

        public Fonts Fonts => fonts;

        public PdfPage Page { get; private set; } = null!;

        private double Width => Page.Width.Point - (2 * Margin);

        private double Bottom => Page.Height.Point - Margin;

        public void StartPage()
        {
            _graphics?.Dispose();
            Page = PdfText.NewA4Page(document);
            _graphics = XGraphics.FromPdfPage(Page);
            _y = Margin;
            var number = document.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _graphics.DrawString(number, fonts.Small, XBrushes.Gray, new XRect(Margin, Bottom + 16, Width, 12), XStringFormats.TopCenter);
        }

        public void Ensure(double height)
        {
            if (_graphics is null || _y + height > Bottom)
            {
                StartPage();
            }
        }

        public void Space(double height) => _y += height;

        public void Text(string text, XFont font, double before = 0, double after = 3)
        {
            _y += before;
            foreach (var line in Wrap(text, font))
            {
                Ensure(font.GetHeight());
                _graphics!.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y), XStringFormats.TopLeft);
                _y += font.GetHeight();
            }

            _y += after;
        }

        public void Image(byte[] bytes, string? caption)
        {
            using var stream = new MemoryStream(bytes);
            using var image = XImage.FromStream(stream);
            var scale = Math.Min(Width * 0.8 / image.PointWidth, 260 / image.PointHeight);
            var (width, height) = (image.PointWidth * scale, image.PointHeight * scale);
            Ensure(height + 24);
            _graphics!.DrawImage(image, Margin, _y + 4, width, height);
            _y += height + 8;
            if (!string.IsNullOrWhiteSpace(caption))
            {
                Text(caption, fonts.Small, after: 6);
            }
        }

        public void Dispose() => _graphics?.Dispose();

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            var line = "";
            foreach (var word in text.ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var piece = word;
                while (_graphics!.MeasureString(piece, font).Width > Width && piece.Length > 1)
                {
                    // A word wider than the page (an address): cut at the page's width.
                    var fits = piece.Length - 1;
                    while (fits > 1 && _graphics.MeasureString(piece[..fits], font).Width > Width)
                    {
                        fits = Math.Max(1, fits * 3 / 4);
                    }

                    if (line.Length > 0)
                    {
                        yield return line;
                        line = "";
                    }

                    yield return piece[..fits];
                    piece = piece[fits..];
                }

                var candidate = line.Length == 0 ? piece : line + " " + piece;
                if (_graphics.MeasureString(candidate, font).Width <= Width)
                {
                    line = candidate;
                }
                else
                {
                    yield return line;
                    line = piece;
                }
            }

            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
