using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Media;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired partial uploads")]
    public static partial void PartialUploadsSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumable upload {UploadId} for item {ItemId} finished: media {MediaId}, refusal {RefusalStatus}")]
    public static partial void ResumableUploadFinished(ILogger logger, Guid uploadId, Guid itemId, Guid? mediaId, int? refusalStatus);
}
