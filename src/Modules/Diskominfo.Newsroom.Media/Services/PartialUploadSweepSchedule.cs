using Diskominfo.Newsroom.Infrastructure.Hosting;
using Hangfire;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>At start-up: the sweep of expired partial uploads runs every hour.</summary>
internal sealed class PartialUploadSweepSchedule(IRecurringJobManager recurring) : IStartupTask
{
    public int Order => 210;

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<PartialUploadSweeper>(PartialUploadSweeper.RecurringJobId, s => s.RunAsync(CancellationToken.None), Cron.Hourly());
        return Task.CompletedTask;
    }
}
