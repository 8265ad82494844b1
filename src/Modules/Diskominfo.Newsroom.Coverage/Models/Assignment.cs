namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>
/// A coverage assignment (penugasan liputan): one activity of the schedule, dispositioned by a head (Kadis or Kabid)
/// to one seksi, whose Kasi assigns staff who cover the event and report. Refers to the activity and the press release
/// by id only (other modules' records).
/// </summary>
internal sealed class Assignment
{
    public Guid Id { get; set; }

    public Guid ActivityId { get; set; }

    public Guid SectionId { get; set; }

    public string Status { get; set; } = AssignmentStatuses.Dispositioned;

    /// <summary>The post the head dispositioned in (kadis or kabid): the same post approves the report.</summary>
    public string DispositionRole { get; set; } = "";

    public string DispositionById { get; set; } = "";

    public string DispositionByName { get; set; } = "";

    public string? DispositionNote { get; set; }

    public DateTimeOffset DispositionedAt { get; set; }

    public string? AssignedById { get; set; }

    public string? AssignedByName { get; set; }

    public string? AssignNote { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public string? ReportText { get; set; }

    public string? VideoUrl { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }

    public string? ReportedByName { get; set; }

    public DateTimeOffset? ForwardedAt { get; set; }

    public string? ForwardedByName { get; set; }

    public string? ForwardNote { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public string? ApprovedByName { get; set; }

    public string? ApprovalNote { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public string? ReturnedByName { get; set; }

    public string? ReturnNote { get; set; }

    /// <summary>The press release started from the report (Content module's item).</summary>
    public Guid? PressReleaseId { get; set; }

    public DateTimeOffset? PressReleaseCreatedAt { get; set; }

    public List<AssignmentMember> Members { get; set; } = [];

    public List<ReportPhoto> Photos { get; set; } = [];

    public bool IsMember(string userId) => Members.Any(m => m.UserId == userId);
}
