namespace Diskominfo.Newsroom.Content.Services;

/// <summary>The queue of scans waiting for their text (<c>Newsroom:Ocr</c>, beside the Media module's tesseract settings).</summary>
public sealed class ClippingOcrOptions
{
    /// <summary>How many scans are recognised at once on this node: the workers of the <c>ocr</c> job queue.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>How many scans may wait for their text; a batch beyond it is saved without OCR (its text is typed).</summary>
    public int QueueLimit { get; set; } = 200;
}
