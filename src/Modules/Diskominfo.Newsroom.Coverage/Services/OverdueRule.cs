using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Coverage.Models;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>
/// When an assignment is due and whether it is overdue (Terlambat), in working time: a disposition not assigned within the
/// Kasi's standard; an assignment not covered (no report filed), or covered without a submitted press release, within
/// the standard of covering and reporting counted from the assignment.
/// </summary>
internal static class OverdueRule
{
    public sealed record Verdict(DateTimeOffset? DueAt, bool Overdue, string? Reason);

    public static Verdict Evaluate(
        Assignment assignment, string? pressReleaseStatus, IReadOnlyDictionary<string, StandardTime> standards, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (assignment.AssignedAt is not { } assignedAt)
        {
            var due = standards[CoverageSteps.Assign].Due(assignment.DispositionedAt, calendar);
            return new(due, now > due, "Belum ditugaskan Kasi");
        }

        var coverDue = standards[CoverageSteps.Cover].Due(assignedAt, calendar);
        string? reason = assignment.ReportedAt is null
            ? "Belum diliput: laporan belum disampaikan"
            : !Submitted(pressReleaseStatus)
                ? assignment.PressReleaseId is null ? "Sudah diliput, siaran pers belum dibuat" : "Sudah diliput, siaran pers belum diajukan"
                : null;
        return new(coverDue, reason is not null && now > coverDue, reason);
    }

    /// <summary>A press release counts as submitted once it left its first draft (whatever happened to it since).</summary>
    public static bool Submitted(string? status) => status is not null and not WorkflowStatuses.Draft;
}
