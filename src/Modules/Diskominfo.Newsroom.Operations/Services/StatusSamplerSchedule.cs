using Diskominfo.Newsroom.Infrastructure.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Operations.Services;

/// <summary>At start-up: the sampling job runs every <see cref="StatusOptions.SampleMinutes"/> minutes.</summary>
internal sealed class StatusSamplerSchedule(IRecurringJobManager recurring, IOptions<StatusOptions> options) : IStartupTask
{
    public int Order => 200;

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var minutes = Math.Clamp(options.Value.SampleMinutes, 1, 60);
        var cron = minutes == 60 ? Cron.Hourly() : $"*/{minutes} * * * *";
        recurring.AddOrUpdate<StatusSampler>(StatusSampler.RecurringJobId, s => s.RunAsync(CancellationToken.None), cron);
        return Task.CompletedTask;
    }
}
