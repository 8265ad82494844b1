namespace Diskominfo.Newsroom.Abstractions.Coordination;

/// <summary>The status values of an activity (invitation) on its way to the schedule. Values as in the API.</summary>
public static class ActivityStatuses
{
    /// <summary>Registered in the agenda book, waiting for the Kasi to propose it.</summary>
    public const string Registered = "registered";

    /// <summary>Proposed by the Kasi, waiting for the Kabid's initials.</summary>
    public const string Proposed = "proposed";

    /// <summary>Initialled by the Kabid, waiting for the Kadis.</summary>
    public const string Initialled = "initialled";

    /// <summary>Approved by the Kadis: on the activity schedule (jadwal kegiatan).</summary>
    public const string Approved = "approved";

    public const string Declined = "declined";

    /// <summary>Filed (diarsipkan) after it took place.</summary>
    public const string Filed = "filed";
}

/// <summary>An activity as other modules see it.</summary>
public sealed record ScheduledActivity(
    Guid Id, string AgendaNumber, string Title, string Organizer, string Place, DateTimeOffset Start, DateTimeOffset End,
    string Status, Guid? SectionId)
{
    /// <summary>On the schedule: approved by the Kadis (and possibly filed since).</summary>
    public bool OnSchedule => Status is ActivityStatuses.Approved or ActivityStatuses.Filed;
}

/// <summary>The activity schedule (Coordination module), read by the coverage assignments.</summary>
public interface IActivitySchedule
{
    Task<ScheduledActivity?> FindAsync(Guid activityId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, ScheduledActivity>> FindManyAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken cancellationToken);
}
