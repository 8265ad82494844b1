using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Jobs;

/// <summary>
/// What every job server of this host is built from: the host's storage and activator, and the host's job filters (the
/// correlation id's among them), which a server left to Hangfire's defaults would not see: it reads the process-wide
/// static filters.
/// </summary>
public sealed class JobServerParts(JobStorage storage, JobActivator activator, IServiceProvider services)
{
    private readonly IJobFilterProvider _filters = services.GetService<IJobFilterProvider>() ?? JobFilterProviders.Providers;

    public BackgroundJobServer Create(BackgroundJobServerOptions options)
    {
        options.Activator = activator;
        options.FilterProvider = _filters;
        return new BackgroundJobServer(options, storage);
    }
}
