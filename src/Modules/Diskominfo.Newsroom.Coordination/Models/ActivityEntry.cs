namespace Diskominfo.Newsroom.Coordination.Models;

/// <summary>One step of an activity's trail: who (in which post), when, what, with what note. Never changed afterwards.</summary>
internal sealed class ActivityEntry
{
    public long Id { get; set; }

    public Guid ActivityId { get; set; }

    public int Sequence { get; set; }

    /// <summary>One of <see cref="ActivityAction"/>'s names.</summary>
    public string Action { get; set; } = "";

    public string? FromStatus { get; set; }

    public string ToStatus { get; set; } = "";

    /// <summary>The role the step was taken in (null for the registration).</summary>
    public string? Role { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    /// <summary>The post in its legal form ("Plh. Kepala Dinas ..."), as the Organization module gave it.</summary>
    public string? ActingAs { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset At { get; set; }
}
