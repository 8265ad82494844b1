using Diskominfo.Newsroom.Abstractions.Media;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// A background job per scan of a batch, on the <see cref="Queue"/> queue (its own workers, see
/// <see cref="OcrJobServer"/>): its text is recognised and put into the clipping, if still empty.
/// </summary>
internal sealed partial class ClippingOcrJob(ITextRecognizer recognizer, ContentService content, ILogger<ClippingOcrJob> logger)
{
    public const string Queue = "ocr";

    [AutomaticRetry(Attempts = 2)]
    [Queue(Queue)]
    public async Task RunAsync(Guid itemId, Guid mediaId, CancellationToken cancellationToken)
    {
        var text = await recognizer.RecognizeAsync(mediaId, cancellationToken);
        if (text is null)
        {
            LogNothing(logger, itemId);
            return;
        }

        if (await content.FillRecognizedTextAsync(itemId, text, cancellationToken))
        {
            LogFilled(logger, itemId, text.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OCR filled the text of clipping {ItemId} ({Length} characters)")]
    private static partial void LogFilled(ILogger logger, Guid itemId, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "OCR recognised no text for clipping {ItemId}")]
    private static partial void LogNothing(ILogger logger, Guid itemId);
}
