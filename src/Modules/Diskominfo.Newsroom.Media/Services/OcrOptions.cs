namespace Diskominfo.Newsroom.Media.Services;

/// <summary>Text recognition of scans (<c>Newsroom:Ocr</c>; the Content module reads its queue's settings there too).</summary>
public sealed class OcrOptions
{
    /// <summary>The tesseract program (Debian's <c>tesseract-ocr</c>, with <c>tesseract-ocr-ind</c>).</summary>
    public string Command { get; set; } = "tesseract";

    /// <summary>How long one page may take; the process is then killed and the text is left to type.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many pages are recognised at once on this node (each tesseract uses one core).</summary>
    public int Workers { get; set; } = 1;

    /// <summary>The poppler program that rasterises PDF scans (Debian's <c>poppler-utils</c>).</summary>
    public string PdfToPpm { get; set; } = "pdftoppm";

    /// <summary>The resolution a PDF scan's pages are rasterised at for recognition.</summary>
    public int PdfDpi { get; set; } = 300;

    /// <summary>How many pages of a PDF scan are read at most; the rest is left to type.</summary>
    public int MaxPdfPages { get; set; } = 20;
}
