using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Media;

/// <summary>What a checked file is: its real type by content (not by name), the extension to store it under, its size in pixels (0 for a PDF).</summary>
public sealed record InspectedFile(string ContentType, string Extension, int Width, int Height);

/// <summary>
/// Checks files by content as the Media module checks uploads (JPEG, PNG, WebP within the pixel limit; PDF when
/// allowed, with its structure checked), for modules that keep files of their own (an invitation's letter, a coverage
/// report's photos). The refusal is in Indonesian, on field "file".
/// </summary>
public interface IFileInspector
{
    /// <summary>The largest upload accepted, in bytes (Newsroom:Media:MaxBytes).</summary>
    long MaxBytes { get; }

    Outcome<InspectedFile> Inspect(byte[] bytes, bool allowPdf);
}

/// <summary>
/// Adds a file to an item's working version as if its editor had uploaded it (Media module): the same checks, the
/// same storage, attached in one transaction; a refused file changes nothing.
/// </summary>
public interface IItemMediaIntake
{
    Task<Outcome<PhotoRef>> AddAsync(
        Guid itemId, byte[] bytes, string fileName, string? caption, string? credit, Actor actor, CancellationToken cancellationToken);
}
