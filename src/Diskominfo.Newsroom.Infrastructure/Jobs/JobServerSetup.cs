using Diskominfo.Newsroom.Infrastructure.Data;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Infrastructure.Jobs;

/// <summary>
/// The background job system every module enqueues into (publishing, clipping OCR, backups, notifications): the storage
/// beside the database, the client, the activator and the storage's migration. Each module adds the servers of its own
/// queues (<see cref="QueueJobServer"/>).
/// </summary>
public static class JobServerSetup
{
    public static IServiceCollection AddNewsroomJobs(this IServiceCollection services)
    {
        services.AddSingleton<IModuleMigration, JobStorageMigration>();

        // The storage is this host's own instance (not Hangfire's static one), so several hosts can share a process.
        services.AddSingleton(JobStorageFactory.Create);

        // Likewise the job activator: Hangfire's default registration may hand this host the static one, which the
        // last host configured in the process set, and which dies with that host.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<JobServerParts>();
        services.AddHangfire((sp, c) => c
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostSafeLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        return services;
    }
}
