using Diskominfo.Newsroom.Abstractions.Coordination;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>
/// An empty schedule, until the Coordination module registers the real one (registered with TryAdd, so whichever
/// order the modules are added in, the real one wins).
/// </summary>
internal sealed class EmptyActivitySchedule : IActivitySchedule
{
    public Task<ScheduledActivity?> FindAsync(Guid activityId, CancellationToken cancellationToken) => Task.FromResult<ScheduledActivity?>(null);

    public Task<IReadOnlyDictionary<Guid, ScheduledActivity>> FindManyAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyDictionary<Guid, ScheduledActivity>>(new Dictionary<Guid, ScheduledActivity>());
}
