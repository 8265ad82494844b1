using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Backup.Commands;
using Diskominfo.Newsroom.Backup.Data;
using Diskominfo.Newsroom.Backup.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Backup;

public static class BackupModule
{
    internal const string Name = "backup";

    /// <summary>The admins' page of backups.</summary>
    public const string DeskPath = "/admin/cadangan";

    /// <summary>
    /// Backups and restores: the <c>backup</c> and <c>restore</c> commands, the daily backup as a job (on the
    /// <c>backup</c> queue, next to the Publishing module's job storage), the record of runs (<see cref="IBackupStatus"/>)
    /// and the admins' page.
    /// </summary>
    public static IServiceCollection AddBackupModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<BackupDbContext, SqliteBackupDbContext, PostgresBackupDbContext>(Name);
        services.AddSingleton<IConfigureOptions<BackupOptions>, BackupOptionsSetup>();
        services.AddSingleton<BackupSources>();
        services.AddSingleton<PostgresTools>();
        services.AddSingleton<BackupWriter>();
        services.AddScoped<BackupRuns>();
        services.AddScoped<IBackupStatus>(sp => sp.GetRequiredService<BackupRuns>());
        services.AddScoped<BackupRunner>();
        services.AddScoped<ScheduledBackupJob>();
        services.AddSingleton<RestoreService>();
        services.AddSingleton<IStartupTask, BackupSchedule>();
        services.AddHostedService<BackupJobServer>();
        services.AddNewsroomCommand<BackupCommand>();
        services.AddNewsroomCommand<RestoreCommand>();
        services.AddSingleton(new AdminMenuItem("Cadangan", DeskPath, 96, NewsroomRoles.Admin));
        return services;
    }
}
