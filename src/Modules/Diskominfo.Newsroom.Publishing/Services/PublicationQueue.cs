using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Infrastructure.Data;
using Hangfire;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// Hands publications to the job server, only after the transaction that wrote them has committed. Website jobs go to
/// their own queue, which workers of their own serve first: an article never waits behind Instagram containers.
/// </summary>
internal sealed class PublicationQueue(IBackgroundJobClient jobs, NewsroomDatabase database)
{
    public const string WebsiteQueue = "website";

    public const string SocialQueue = "default";

    public Task EnqueueAsync(Guid publicationId, string channel)
        => database.AfterCommitAsync(() =>
        {
            if (channel == PublicationChannels.Website)
            {
                jobs.Enqueue<PublicationJob>(job => job.RunWebsiteAsync(publicationId, CancellationToken.None));
            }
            else
            {
                jobs.Enqueue<PublicationJob>(job => job.RunAsync(publicationId, CancellationToken.None));
            }

            return Task.CompletedTask;
        });

    public Task ScheduleAsync(Guid publicationId, string channel, TimeSpan delay)
        => database.AfterCommitAsync(() =>
        {
            if (channel == PublicationChannels.Website)
            {
                jobs.Schedule<PublicationJob>(job => job.RunWebsiteAsync(publicationId, CancellationToken.None), delay);
            }
            else
            {
                jobs.Schedule<PublicationJob>(job => job.RunAsync(publicationId, CancellationToken.None), delay);
            }

            return Task.CompletedTask;
        });
}
