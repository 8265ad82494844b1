using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Organization;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo {Kind} {Name} created")]
    public static partial void DemoSectionCreated(ILogger logger, string kind, string name);
}
