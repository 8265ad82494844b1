using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Diskominfo.Newsroom.Infrastructure.Pdf;

/// <summary>What the office's printed documents (bulletin, clipping book) share: A4 pages and text fitted to a width.</summary>
public static class PdfText
{
    public static PdfPage NewA4Page(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        return page;
    }

    /// <summary>The text as it is when it fits <paramref name="width"/>, otherwise cut with an ellipsis.</summary>
    public static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && g.MeasureString(text[..cut] + "…", font).Width > width)
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    /// <summary>The text in lines of at most <paramref name="width"/>, broken between words; a word wider than a line is cut.</summary>
    public static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                lines.Add(line);
                line = Fit(g, word, font, width);
            }
            else
            {
                line = g.MeasureString(candidate, font).Width > width ? Fit(g, candidate, font, width) : candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }
}
