using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Data;
using Diskominfo.Newsroom.Coverage.Endpoints;
using Diskominfo.Newsroom.Coverage.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>Reads assignments with their activity, seksi, press release status and overdue verdict, as the actor may see them.</summary>
internal sealed class AssignmentQueries(
    CoverageDbContext db,
    IActivitySchedule schedule,
    IOrganization organization,
    IWorkflowQuery workflow,
    IWorkingCalendar calendar,
    CoverageStandards standards,
    TimeProvider clock)
{
    public async Task<Outcome<AssignmentView>> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var assignment = await Query().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assignment is null || !AssignmentService.MaySee(actor, assignment))
        {
            return Outcome<AssignmentView>.From(Outcome.NotFound("Penugasan liputan tidak ditemukan."));
        }

        return Outcome<AssignmentView>.Ok((await ViewsAsync([assignment], cancellationToken))[0]);
    }

    /// <summary>
    /// The assignments the actor may see, newest activity first; <paramref name="mine"/>: only those he is assigned to;
    /// <paramref name="status"/>: one state (unknown: refused).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<AssignmentView>>> ListAsync(Actor actor, string? status, bool mine, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(status) && !AssignmentStatuses.All.Contains(status))
        {
            return Outcome<IReadOnlyList<AssignmentView>>.From(
                Outcome.Invalid("status", $"Status tidak dikenal. Pilihan: {string.Join(", ", AssignmentStatuses.All)}."));
        }

        var query = Query();
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(a => a.Status == status);
        }

        if (mine || !actor.SeesAllWork)
        {
            query = query.Where(a => a.Members.Any(m => m.UserId == actor.UserId));
        }

        var assignments = await query.OrderByDescending(a => a.DispositionedAt).Take(500).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<AssignmentView>>.Ok(await ViewsAsync(assignments, cancellationToken));
    }

    /// <summary>The seksi whose assignments the actor's posts cover (null: all, for the heads and the office's other roles).</summary>
    public async Task<IReadOnlySet<Guid>?> SectionsOfAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(NewsroomRoles.Kasi) || actor.Roles.Any(r => r is not (NewsroomRoles.Kasi or NewsroomRoles.Reporter)))
        {
            return null;
        }

        var positions = await organization.PositionsAsync(actor, clock.GetUtcNow(), cancellationToken);
        if (positions.Any(p => p.Sections is null))
        {
            return null;
        }

        return positions.SelectMany(p => p.Sections!).ToHashSet();
    }

    public async Task<IReadOnlyList<AssignmentView>> ViewsAsync(IReadOnlyList<Assignment> assignments, CancellationToken cancellationToken)
    {
        if (assignments.Count == 0)
        {
            return [];
        }

        var activities = await schedule.FindManyAsync([.. assignments.Select(a => a.ActivityId).Distinct()], cancellationToken);
        var sections = (await organization.ListSectionsAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var items = assignments.Where(a => a.PressReleaseId is not null).Select(a => a.PressReleaseId!.Value).ToList();
        var statuses = items.Count == 0 ? new Dictionary<Guid, string>() : await workflow.GetStatusesAsync(items, cancellationToken);
        var standardTimes = await standards.GetAsync(cancellationToken);
        var working = await calendar.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. assignments.Select(a =>
        {
            var prStatus = a.PressReleaseId is { } pr ? statuses.GetValueOrDefault(pr) : null;
            var verdict = OverdueRule.Evaluate(a, prStatus, standardTimes, working, now);
            return View(a, activities.GetValueOrDefault(a.ActivityId), sections.GetValueOrDefault(a.SectionId, "(seksi tidak dikenal)"), prStatus, verdict);
        })];
    }

    private IQueryable<Assignment> Query() => db.Assignments.AsNoTracking().AsSplitQuery().Include(a => a.Members).Include(a => a.Photos);

    private static AssignmentView View(Assignment a, ScheduledActivity? activity, string sectionName, string? prStatus, OverdueRule.Verdict verdict)
        => new(
            a.Id,
            a.Status,
            AssignmentStatuses.Label(a.Status),
            activity is null ? null : new ActivityView(activity.Id, activity.AgendaNumber, activity.Title, activity.Organizer, activity.Place, activity.Start, activity.End, activity.Status),
            new SectionView(a.SectionId, sectionName),
            new Models.DispositionView(a.DispositionByName, a.DispositionRole, a.DispositionNote, a.DispositionedAt),
            a.AssignedAt is { } assignedAt ? new AssignedView(a.AssignedByName ?? "", a.AssignNote, assignedAt) : null,
            [.. a.Members.OrderBy(m => m.Role == AssignmentMember.Photographer).ThenBy(m => m.Id)
                .Select(m => new MemberView(m.UserId, m.DisplayName, m.Role, AssignmentMember.Label(m.Role)))],
            a.ReportedAt is null && a.Photos.Count == 0 ? null : new ReportView(
                a.ReportText,
                a.VideoUrl,
                a.ReportedAt,
                a.ReportedByName,
                [.. a.Photos.OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
                    .Select(p => new PhotoView(p.Id, AssignmentEndpoints.PhotoPath(a.Id, p.Id), p.ContentType, p.Width, p.Height, p.UploadedByName, p.UploadedAt))],
                a.ForwardedAt is { } f ? new DecisionView(a.ForwardedByName ?? "", a.ForwardNote, f) : null,
                a.ApprovedAt is { } ap ? new DecisionView(a.ApprovedByName ?? "", a.ApprovalNote, ap) : null,
                a.ReturnedAt is { } r ? new DecisionView(a.ReturnedByName ?? "", a.ReturnNote, r) : null),
            a.PressReleaseId,
            prStatus,
            prStatus is null ? null : WorkflowStatuses.Label(prStatus),
            verdict.DueAt,
            verdict.Overdue,
            verdict.Overdue ? verdict.Reason : null);
}
