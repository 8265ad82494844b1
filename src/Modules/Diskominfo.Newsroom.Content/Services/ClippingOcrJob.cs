using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// A background job per scan of a batch, on the <see cref="Queue"/> queue (its own workers, see
/// <see cref="OcrJobServer"/>): its text is recognised and put into the clipping, if still empty.
/// </summary>
internal sealed partial class ClippingOcrJob(ITextRecognizer recognizer, ContentService content, ContentDbContext db, ILogger<ClippingOcrJob> logger)
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

    /// <summary>
    /// Recognition asked again from the desk or the API: the text of every scan of the clipping's working version, in
    /// order, replaces its text as an edit by the one who asked (refused, and logged, if he may no longer change it).
    /// </summary>
    [AutomaticRetry(Attempts = 1)]
    [Queue(Queue)]
    public async Task RerunAsync(Guid itemId, string userId, string userName, string displayName, string[] roles, CancellationToken cancellationToken)
    {
        var scans = await (from item in db.Items.AsNoTracking()
                           where item.Id == itemId
                           join version in db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                           select version.Parts)
            .SingleOrDefaultAsync(cancellationToken);
        var texts = new List<string>();
        foreach (var scan in scans?.Photos.Where(p => p.IsImage || p.ContentType == PhotoRef.Pdf) ?? [])
        {
            if (await recognizer.RecognizeAsync(scan.MediaId, cancellationToken) is { } text)
            {
                texts.Add(text);
            }
        }

        if (texts.Count == 0)
        {
            LogNothing(logger, itemId);
            return;
        }

        var actor = new Actor(userId, userName, displayName, new HashSet<string>(roles, StringComparer.Ordinal));
        var outcome = await content.ReplaceRecognizedTextAsync(itemId, string.Join("\n\n", texts), actor, cancellationToken);
        if (outcome.Succeeded)
        {
            LogReplaced(logger, itemId, texts.Count);
        }
        else
        {
            LogRefused(logger, itemId, outcome.Message ?? outcome.Kind.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OCR run again replaced the text of clipping {ItemId} from {Scans} scans")]
    private static partial void LogReplaced(ILogger logger, Guid itemId, int scans);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCR run again on clipping {ItemId} was not saved: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid itemId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "OCR filled the text of clipping {ItemId} ({Length} characters)")]
    private static partial void LogFilled(ILogger logger, Guid itemId, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "OCR recognised no text for clipping {ItemId}")]
    private static partial void LogNothing(ILogger logger, Guid itemId);
}
