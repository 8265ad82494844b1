using Diskominfo.Newsroom.Infrastructure.Data;
using Hangfire;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>Hands publications to the job server, only after the transaction that wrote them has committed.</summary>
internal sealed class PublicationQueue(IBackgroundJobClient jobs, NewsroomDatabase database)
{
    public Task EnqueueAsync(Guid publicationId)
        => database.AfterCommitAsync(() =>
        {
            jobs.Enqueue<PublicationJob>(job => job.RunAsync(publicationId, CancellationToken.None));
            return Task.CompletedTask;
        });

    public Task ScheduleAsync(Guid publicationId, TimeSpan delay)
        => database.AfterCommitAsync(() =>
        {
            jobs.Schedule<PublicationJob>(job => job.RunAsync(publicationId, CancellationToken.None), delay);
            return Task.CompletedTask;
        });
}
