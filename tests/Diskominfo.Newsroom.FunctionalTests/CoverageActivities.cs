using System.Collections.Concurrent;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The activity schedule as the coverage tests need it, until the Coordination module's real schedule is on main: the one
/// place to switch these tests to real activities (registered, proposed, initialled and approved through its API).
/// </summary>
internal sealed class CoverageActivities : IActivitySchedule
{
    private readonly ConcurrentDictionary<Guid, ScheduledActivity> _activities = new();
    private int _number;

    /// <summary>Registers this schedule in the site (pass to <see cref="NewsroomApp.StartAsync"/> as <c>services</c>).</summary>
    public void Register(IServiceCollection services) => services.AddSingleton<IActivitySchedule>(this);

    /// <summary>An activity on the schedule (approved by the Kadis), or in another state.</summary>
    public ScheduledActivity Add(string title, string place, DateTimeOffset start, string status = ActivityStatuses.Approved)
    {
        var number = Interlocked.Increment(ref _number);
        var activity = new ScheduledActivity(
            Guid.NewGuid(), $"{number:D4}/2026", title, "Sekretariat Daerah", place, start, start.AddHours(2), status, null);
        _activities[activity.Id] = activity;
        return activity;
    }

    public Task<ScheduledActivity?> FindAsync(Guid activityId, CancellationToken cancellationToken)
        => Task.FromResult(_activities.GetValueOrDefault(activityId));

    public Task<IReadOnlyDictionary<Guid, ScheduledActivity>> FindManyAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyDictionary<Guid, ScheduledActivity>>(
            activityIds.Where(_activities.ContainsKey).Distinct().ToDictionary(id => id, id => _activities[id]));
}
