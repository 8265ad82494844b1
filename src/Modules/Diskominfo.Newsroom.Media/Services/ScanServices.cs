using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Media.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>A scan from a batch goes through the same checks as any upload.</summary>
internal sealed class ScanIntake(UploadService uploads) : IScanIntake
{
    public async Task<Outcome<Guid>> AttachAsync(Guid itemId, byte[] bytes, string fileName, string? caption, Actor actor, CancellationToken cancellationToken)
    {
        var outcome = await uploads.UploadAsync(itemId, new UploadService.Upload(bytes, fileName, caption, null), actor, cancellationToken);
        return outcome.Succeeded ? Outcome<Guid>.Ok(outcome.Value!.Id) : Outcome<Guid>.From(outcome);
    }
}

/// <summary>
/// Recognises the text of a stored image scan with <c>tesseract FILE stdout -l ind</c>, through the node's bounded
/// and time-limited <see cref="OcrProcesses"/>.
/// </summary>
internal sealed class TesseractRecognizer(MediaDbContext db, MediaStorage storage, OcrProcesses processes) : ITextRecognizer
{
    public bool IsAvailable => processes.IsAvailable;

    public async Task<string?> RecognizeAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return null;
        }

        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        if (file is null || !file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return null;
        }

        var text = await processes.RecognizeAsync(storage.FullPath(file.StoragePath), cancellationToken);
        if (text is null)
        {
            return null;
        }

        // Tesseract breaks lines where the column does; paragraphs are kept.
        var paragraphs = text.Replace("\r", "", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(p => p.Length > 0);
        var result = string.Join("\n\n", paragraphs);
        return result.Length == 0 ? null : result;
    }
}
