using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>Binds <c>Newsroom:WorkingCalendar</c>; the time zone defaults to the archive's, else Asia/Jakarta (WIB).</summary>
internal sealed class WorkingCalendarOptionsSetup(IConfiguration configuration) : IConfigureOptions<WorkingCalendarOptions>
{
    public void Configure(WorkingCalendarOptions options)
    {
        configuration.GetSection(WorkingCalendarOptions.Section).Bind(options);
        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            options.TimeZone = configuration["Newsroom:Archive:TimeZone"] is { Length: > 0 } archive ? archive : "Asia/Jakarta";
        }
    }
}
