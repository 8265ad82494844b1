using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Operations.Logging;

/// <summary>
/// <c>Newsroom:Logging:Json=true</c>: the console writes one JSON object a line (the framework's JSON formatter) with
/// UTC timestamps and the scopes, the correlation id among them, for journald or a log shipper. Without it the
/// standard settings apply (<c>Logging:Console:FormatterName=json</c> works as usual).
/// </summary>
internal sealed class JsonLogsSetup(IConfiguration configuration) : IConfigureOptions<ConsoleLoggerOptions>, IConfigureOptions<JsonConsoleFormatterOptions>
{
    public const string SettingName = "Newsroom:Logging:Json";

    private bool Enabled => configuration.GetValue(SettingName, false);

    public void Configure(ConsoleLoggerOptions options)
    {
        if (Enabled)
        {
            options.FormatterName = ConsoleFormatterNames.Json;
        }
    }

    public void Configure(JsonConsoleFormatterOptions options)
    {
        if (Enabled)
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        }
    }
}
