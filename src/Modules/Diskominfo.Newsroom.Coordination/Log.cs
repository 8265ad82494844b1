using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Coordination;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {AgendaNumber} registered ({ActivityId})")]
    public static partial void ActivityRegistered(ILogger logger, string agendaNumber, Guid activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId}: {Action} by {ActorId}, now {Status}")]
    public static partial void StepTaken(ILogger logger, Guid activityId, string action, string actorId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registration of a letter failed; its file {Path} was removed")]
    public static partial void LetterRemoved(ILogger logger, Exception exception, string path);
}
