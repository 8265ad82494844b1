using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Media;

/// <summary>Files a scan (image or PDF) to an item, checked like any upload (Media module).</summary>
public interface IScanIntake
{
    /// <summary>The stored file's id, or why it was refused (in Indonesian); a refused file changes nothing.</summary>
    Task<Outcome<Guid>> AttachAsync(Guid itemId, byte[] bytes, string fileName, string? caption, Actor actor, CancellationToken cancellationToken);
}

/// <summary>
/// Optical character recognition of a stored scan in Indonesian, with Debian's <c>tesseract-ocr</c> and
/// <c>tesseract-ocr-ind</c> when they are installed (Media module).
/// </summary>
public interface ITextRecognizer
{
    /// <summary>Whether tesseract with the Indonesian data is installed on this server.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// The text of a stored scan: an image, or a PDF rasterised page by page with poppler (pages in order); null when the
    /// file is neither or nothing was recognised.
    /// </summary>
    Task<string?> RecognizeAsync(Guid mediaId, CancellationToken cancellationToken);
}
