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
/// Recognises the text of a stored scan with <c>tesseract FILE stdout -l ind</c>, through the node's bounded and
/// time-limited <see cref="OcrProcesses"/>: an image as it is, a PDF rasterised page by page with poppler
/// (<see cref="PdfPages"/>), its pages' texts in order.
/// </summary>
internal sealed class TesseractRecognizer(MediaDbContext db, MediaStorage storage, OcrProcesses processes, PdfPages pdfPages) : ITextRecognizer
{
    public bool IsAvailable => processes.IsAvailable;

    public async Task<string?> RecognizeAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return null;
        }

        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        string? text;
        var path = file is null ? null : await storage.LocalPathAsync(file.StoragePath, cancellationToken);
        if (path is not null && file!.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            text = await processes.RecognizeAsync(path, cancellationToken);
        }
        else if (path is not null && file!.ContentType == "application/pdf")
        {
            text = await RecognizePdfAsync(path, cancellationToken);
        }
        else
        {
            return null;
        }

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

    /// <summary>The pages' texts one after the other (a blank line between pages); null when no page gave any.</summary>
    private async Task<string?> RecognizePdfAsync(string pdf, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("newsroom-ocr-").FullName;
        try
        {
            var texts = new List<string>();
            foreach (var page in await pdfPages.ForRecognitionAsync(pdf, folder, cancellationToken))
            {
                if (await processes.RecognizeAsync(page, cancellationToken) is { } text && !string.IsNullOrWhiteSpace(text))
                {
                    texts.Add(text.Trim());
                }

                File.Delete(page);
            }

            return texts.Count == 0 ? null : string.Join("\n\n", texts);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
