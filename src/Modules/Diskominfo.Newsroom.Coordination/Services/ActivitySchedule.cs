using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Coordination.Data;
using Diskominfo.Newsroom.Coordination.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// The activity schedule (jadwal kegiatan) for other modules and the office's calendar. Everyone sees the approved
/// activities (and those filed since); an activity still on its way is shown, with its status, to those who may take
/// its next step. Only the Kasi of its seksi (any Kasi when it has none) may move an activity, and only while it is
/// registered and not yet proposed: once proposed, the heads decide on that date and time.
/// </summary>
internal sealed class ActivitySchedule(
    CoordinationDbContext db, NewsroomDatabase database, IOrganization organization, IEventPublisher events, TimeProvider clock)
    : IActivitySchedule, ICalendarSource
{
    private const string EntryPrefix = CalendarKinds.Activity + ":";

    private static readonly string[] OnSchedule = [ActivityStatuses.Approved, ActivityStatuses.Filed];

    private static readonly string[] OnTheWay = [ActivityStatuses.Registered, ActivityStatuses.Proposed, ActivityStatuses.Initialled];

    public IReadOnlyList<string> Kinds { get; } = [CalendarKinds.Activity];

    public async Task<ScheduledActivity?> FindAsync(Guid activityId, CancellationToken cancellationToken)
        => (await FindManyAsync([activityId], cancellationToken)).GetValueOrDefault(activityId);

    public async Task<IReadOnlyDictionary<Guid, ScheduledActivity>> FindManyAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken cancellationToken)
    {
        var ids = activityIds.Distinct().ToList();
        return (await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => new ScheduledActivity(
                a.Id, a.AgendaNumber, a.Title, a.Organizer, a.Place, a.Start, a.End, a.Status, a.SectionId));
    }

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.End > start && a.Start < end && (OnSchedule.Contains(a.Status) || OnTheWay.Contains(a.Status)))
            .OrderBy(a => a.Start)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var positions = actor.IsStaff ? await organization.PositionsAsync(actor, now, cancellationToken) : [];
        var entries = new List<CalendarEntry>();
        foreach (var activity in rows)
        {
            var next = activity.Pending(now);
            var mayAct = next is { } step && positions.Any(p => p.Covers(step.Role, activity.SectionId));
            if (!OnSchedule.Contains(activity.Status) && !mayAct)
            {
                continue;
            }

            entries.Add(new CalendarEntry(
                EntryPrefix + activity.Id, CalendarKinds.Activity, activity.Title, IndonesianTime.ToWib(activity.Start), IndonesianTime.ToWib(activity.End),
                AllDay: false, activity.SectionId, activity.Place, CoordinationPaths.Details(activity.Id), activity.Status,
                CanReschedule: activity.Status == ActivityStatuses.Registered && mayAct));
        }

        return entries;
    }

    public async Task<Outcome> RescheduleAsync(Actor actor, string entryId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (!entryId.StartsWith(EntryPrefix, StringComparison.Ordinal) || !Guid.TryParse(entryId[EntryPrefix.Length..], out var id))
        {
            return Outcome.NotFound("Kegiatan tidak ditemukan.");
        }

        return await database.InTransactionAsync(async ct =>
        {
            await database.LockAsync($"coordination-activity:{id}", ct);
            var activity = await db.Activities.Include(a => a.Trail).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (activity is null)
            {
                return Outcome.NotFound("Kegiatan tidak ditemukan.");
            }

            var now = clock.GetUtcNow();
            var post = await organization.AuthorizeStepAsync(actor, NewsroomRoles.Kasi, activity.SectionId, now, ct);
            if (!post.Succeeded)
            {
                return Outcome.Forbidden($"Hanya Kasi yang mengolah undangan ini yang dapat memindah waktunya. {post.Message}".TrimEnd());
            }

            if (activity.Status != ActivityStatuses.Registered)
            {
                return Outcome.Conflict("Kegiatan yang sudah diusulkan atau disetujui tidak dapat dipindah: kembalikan dulu ke Kasi.");
            }

            var before = activity.Start;
            activity.Reschedule(start, actor.UserId, actor.DisplayName, post.Value!.LegalForm, now);
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(new AuditEvent(
                AuditActions.ActivityRescheduled, actor.UserId, actor.DisplayName, "activity", activity.Id.ToString(),
                $"Undangan {activity.AgendaNumber} dipindah dari {IndonesianTime.Short(before)} ke {IndonesianTime.Short(activity.Start)}.", now,
                Before: new Dictionary<string, string?> { ["start"] = IndonesianTime.Short(before) },
                After: new Dictionary<string, string?> { ["start"] = IndonesianTime.Short(activity.Start) }), ct);
            return Outcome.Ok();
        }, cancellationToken);
    }
}
