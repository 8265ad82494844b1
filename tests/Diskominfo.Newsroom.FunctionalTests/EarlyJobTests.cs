using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Diskominfo.Newsroom.Publishing.Services;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The job store keeps a scheduled job's time to the second, so a retry's job may fire up to a second before the
/// publication is due; it then goes back to the scheduler for the rest of the wait. A job that fires a few milliseconds
/// early was once lost: the lease read the time as early, the reschedule (a database read later) read it as due, and
/// neither ran nor rescheduled it, so the retry waited for the next minutely sweep (a CI run's lookups came 20 and 49 s
/// late). Here the clock moves on between the two readings, as a loaded machine moves it.
/// </summary>
public sealed class EarlyJobTests
{
    [Fact]
    public async Task RetryJobFiredJustBeforeItsTime_DueByTheTimeItLooksAgain_IsScheduledAgainNotLost()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PublishingDbContext>();
        var now = clock.GetUtcNow();
        var publication = new Publication
        {
            Id = Guid.CreateVersion7(),
            ItemId = Guid.CreateVersion7(),
            VersionId = Guid.CreateVersion7(),
            ContentType = "berita",
            Channel = PublicationChannels.Facebook,
            Status = PublicationStatuses.Unknown,
            AttemptOpen = true,
            Attempts = 1,
            DueAt = now - TimeSpan.FromMinutes(1),
            NextAttemptAt = now + TimeSpan.FromMilliseconds(100),
        };
        db.Publications.Add(publication);
        await db.SaveChangesAsync();

        // Every reading of the clock during the job is 200 ms after the one before: the job fires 100 ms early.
        clock.Step = TimeSpan.FromMilliseconds(200);
        await scope.ServiceProvider.GetRequiredService<PublicationJob>().RunAsync(publication.Id, CancellationToken.None);
        clock.Step = TimeSpan.Zero;

        var stored = await db.Publications.AsNoTracking().SingleAsync(p => p.Id == publication.Id);
        Assert.Null(stored.LeaseUntil);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(0, await db.Attempts.CountAsync(a => a.PublicationId == publication.Id));

        // Not run, and not left for the sweep: a job for it waits in the job store.
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var waiting = monitoring.ScheduledJobs(0, 100).Select(j => j.Value.Job)
            .Concat(monitoring.EnqueuedJobs(PublicationQueue.SocialQueue, 0, 100).Select(j => j.Value.Job))
            .Where(j => j.Type == typeof(PublicationJob) && j.Method.Name == nameof(PublicationJob.RunAsync))
            .Select(j => (Guid)j.Args[0])
            .ToList();
        Assert.Contains(publication.Id, waiting);
    }
}
