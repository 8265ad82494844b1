using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>Binds <c>Newsroom:Backup</c>; the folder becomes a full path and the time zone defaults to the office's.</summary>
internal sealed class BackupOptionsSetup(IConfiguration configuration) : IConfigureOptions<BackupOptions>
{
    public void Configure(BackupOptions options)
    {
        configuration.GetSection(BackupOptions.Section).Bind(options);
        options.Directory = string.IsNullOrWhiteSpace(options.Directory) ? null : Path.GetFullPath(options.Directory);
        options.Schedule.TimeZone = FirstSet(options.Schedule.TimeZone, configuration["Newsroom:Archive:TimeZone"], "Asia/Jakarta");
    }

    private static string FirstSet(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}
