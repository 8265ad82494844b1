using Diskominfo.Newsroom.Infrastructure.Pdf;
using Diskominfo.Newsroom.Abstractions.Comments;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Diskominfo.Newsroom.Archive.Services;

/// <summary>
/// Prints an archive sheet on A4 with PDFsharp: the header of the filing, the signed text, the files (images shown),
/// the approval trail with each entry's hash and the verdict on it worked out when printed, the links of each channel. Text flows onto
/// as many pages as it needs. The fonts (Liberation Sans) travel inside the assembly, so no system font is needed.
/// </summary>
internal static class ArchiveSheetPdf
{

    public static byte[] Render(
        ArchiveSheet sheet, string sheetHash, SheetVerdict verdict, DateTimeOffset printedAt, ArchiveOptions options, IReadOnlyDictionary<Guid, byte[]> images,
        IReadOnlyList<ItemComment>? comments = null)
    {
        PdfSetup.Initialize(options.PdfSharpLicenseKey);
        var office = options.Office;
        using var document = new PdfDocument();
        document.Info.Title = $"Lembar arsip {sheet.Number}";
        document.Info.Subject = sheet.Title;
        document.Info.Creator = "Diskominfo Newsroom";
        using (var writer = new SheetWriter(document))
        {
            writer.Line(office.ToUpperInvariant(), writer.Small);
            writer.Line("LEMBAR ARSIP", writer.Title, after: 10);
            writer.Field("Nomor arsip", sheet.Number);
            writer.Field("Kode klasifikasi", $"{sheet.Classification} ({sheet.ClassificationName})");
            writer.Field("Jenis naskah", ContentTypes.Label(sheet.ContentType));
            writer.Field("Diarsipkan", IndonesianTime.Short(sheet.ArchivedAt));
            writer.Field("Pengarsipan", sheet.Round == 0 ? "Asli" : $"Ralat ke-{sheet.Round}");
            writer.Field("Versi yang ditandatangani", $"{sheet.VersionNumber} ({sheet.VersionId})");
            writer.Field("Sidik isi (SHA-256)", sheet.ContentHash);
            if (sheet.Disposition is { } disposition)
            {
                writer.Field("Nomor agenda", disposition.Number);
                writer.Field("Diterima", IndonesianTime.Short(disposition.ReceivedAt));
                if (disposition.NewsType is not null)
                {
                    writer.Field("Jenis berita", disposition.NewsType);
                }
            }

            writer.Heading("Isi naskah");
            writer.Line(sheet.Title, writer.Bold, after: 4);
            writer.Paragraph(sheet.Digest);

            if (sheet.Files.Count > 0)
            {
                writer.Heading("Berkas");
                foreach (var (file, index) in sheet.Files.Select((f, i) => (f, i + 1)))
                {
                    writer.Paragraph($"{index}. {file.Caption ?? "(tanpa keterangan)"}{(file.Credit is null ? "" : $" (foto: {file.Credit})")}, {file.ContentType}, {file.Width}x{file.Height} px, SHA-256 {file.Sha256}", writer.Small);
                    if (images.TryGetValue(file.MediaId, out var bytes))
                    {
                        writer.Image(bytes, 260, 200);
                    }
                }
            }

            writer.Heading("Jejak persetujuan");
            foreach (var entry in sheet.Trail)
            {
                writer.Paragraph(
                    $"{entry.Sequence}. {IndonesianTime.Short(entry.At)}: {HistoryLabels.Of(entry.Action)} oleh {(entry.ActingAs is not null ? entry.Signatory : entry.Role is null ? entry.ActorName : $"{entry.ActorName} ({Abstractions.Security.NewsroomRoles.Title(entry.Role)})")}{(entry.Note is null ? "" : $": \"{entry.Note}\"")}",
                    after: 0);
                writer.Paragraph($"hash entri {entry.EntryHash ?? "-"}{(entry.ContentHash is null ? "" : $"; sidik isi {entry.ContentHash}")}", writer.Small);
            }

            writer.Paragraph(verdict.Chain, writer.Bold);
            writer.Paragraph(verdict.Seal, writer.Bold);
            if (verdict.Filed is not null)
            {
                writer.Paragraph(verdict.Filed, writer.Small);
            }

            if (sheet.Publications.Count > 0)
            {
                writer.Heading("Publikasi");
                foreach (var publication in sheet.Publications)
                {
                    writer.Paragraph(
                        $"{PublicationChannels.Label(publication.Channel)}{(publication.Round > 0 ? $" (ralat ke-{publication.Round})" : "")}: {PublicationStatuses.Label(publication.Status)}" +
                        $"{(publication.CompletedAt is { } at ? $", {IndonesianTime.Short(at)}" : "")}{(publication.Url is null ? "" : $"\n{publication.Url}")}");
                }
            }

            writer.Paragraph(
                $"Lembar ini dicetak dari catatan arsip yang tidak dapat diubah; rantai hash dan segel di atas diperiksa ulang saat dicetak. Sidik lembar (SHA-256): {sheetHash}. Dicetak {IndonesianTime.Short(printedAt)}.",
                writer.Small, before: 12);
            if (comments is { Count: > 0 })
            {
                Annex(writer, comments, printedAt);
            }
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The annex: the item's comment thread as it stands when printed (not part of the sealed record).</summary>
    private static void Annex(SheetWriter writer, IReadOnlyList<ItemComment> comments, DateTimeOffset printedAt)
    {
        writer.Heading("Lampiran: komentar naskah");
        writer.Paragraph(
            $"{comments.Count} komentar staf tentang naskah ini, terpisah dari catatan persetujuan, sebagaimana tercatat saat dicetak ({IndonesianTime.Short(printedAt)}); lampiran ini tidak termasuk segel arsip.",
            writer.Small);
        foreach (var (comment, index) in comments.Select((c, i) => (c, i + 1)))
        {
            writer.Paragraph($"{index}. {IndonesianTime.Short(comment.CreatedAt)}, {comment.AuthorName}:", writer.Bold, after: 0);
            writer.Paragraph(comment.Body);
        }
    }

    /// <summary>Writes lines top to bottom, wrapping words to the width and starting a new A4 page when one is full.</summary>
    private sealed class SheetWriter : IDisposable
    {
        private const double Margin = 50;

        /// <summary>More characters than any line can hold, even of the narrowest glyphs in the smallest font.</summary>
        private const int MaxLineChars = 400;

        private readonly PdfDocument _document;
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public SheetWriter(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public XFont Normal { get; } = new("Liberation Sans", 10, XFontStyleEx.Regular);

        public XFont Bold { get; } = new("Liberation Sans", 10, XFontStyleEx.Bold);

        public XFont Small { get; } = new("Liberation Sans", 7.5, XFontStyleEx.Regular);

        public XFont Title { get; } = new("Liberation Sans", 16, XFontStyleEx.Bold);

        public XFont Section { get; } = new("Liberation Sans", 12, XFontStyleEx.Bold);

        private double Width => _page!.Width.Point - (2 * Margin);

        private double Bottom => _page!.Height.Point - Margin;

        public void Heading(string text) => Line(text, Section, before: 12, after: 4);

        public void Line(string text, XFont font, double before = 0, double after = 2) => Paragraph(text, font, before, after);

        public void Field(string label, string value)
        {
            const double labelWidth = 150;
            var lines = Wrap(value, Normal, Width - labelWidth);
            var height = lines.Count * Normal.GetHeight();
            if (_y + Math.Min(height, Normal.GetHeight() * 2) > Bottom)
            {
                NewPage();
            }

            _graphics!.DrawString(label, Bold, XBrushes.Black, new XPoint(Margin, _y), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                Ensure(Normal.GetHeight());
                _graphics.DrawString(line, Normal, XBrushes.Black, new XPoint(Margin + labelWidth, _y), XStringFormats.TopLeft);
                _y += Normal.GetHeight();
            }

            _y += 1;
        }

        public void Paragraph(string text, XFont? font = null, double before = 0, double after = 3)
        {
            font ??= Normal;
            _y += before;
            foreach (var line in text.Split('\n').SelectMany(l => Wrap(l.TrimEnd('\r'), font, Width)))
            {
                Ensure(font.GetHeight());
                _graphics!.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y), XStringFormats.TopLeft);
                _y += font.GetHeight();
            }

            _y += after;
        }

        public void Image(byte[] bytes, double maxWidth, double maxHeight)
        {
            using var stream = new MemoryStream(bytes);
            using var image = XImage.FromStream(stream);
            var scale = Math.Min(maxWidth / image.PointWidth, maxHeight / image.PointHeight);
            var (width, height) = (image.PointWidth * scale, image.PointHeight * scale);
            Ensure(height + 4);
            _graphics!.DrawImage(image, Margin, _y, width, height);
            _y += height + 6;
        }

        public void Dispose() => _graphics?.Dispose();

        private void Ensure(double height)
        {
            if (_y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = _document.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (_graphics!.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                // A word wider than the line (a URL, a hash) is cut where it must be: the longest piece that fits, found by
                // halving among the first MaxLineChars characters, so that a word of any length costs a few measurements a line.
                current = word;
                while (current.Length > 1 && _graphics.MeasureString(current.Length > MaxLineChars ? current[..MaxLineChars] : current, font).Width > width)
                {
                    var (fits, wide) = (1, Math.Min(current.Length, MaxLineChars));
                    while (wide - fits > 1)
                    {
                        var middle = (fits + wide) / 2;
                        (fits, wide) = _graphics.MeasureString(current[..middle], font).Width <= width ? (middle, wide) : (fits, middle);
                    }

                    lines.Add(current[..fits]);
                    current = current[fits..];
                }
            }

            lines.Add(current);
            return lines;
        }
    }
}
