using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Coordination.Data;
using Diskominfo.Newsroom.Coordination.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>What the lists ask for: a status, a period the activity overlaps ([From, To)), or only what awaits the caller.</summary>
internal sealed record ActivityFilter(string? Status = null, DateTimeOffset? From = null, DateTimeOffset? To = null, bool AwaitingMe = false);

/// <summary>Reads activities for the desk and the API: every member of staff sees every activity, with the step it waits in.</summary>
internal sealed class ActivityQueries(
    CoordinationDbContext db, IOrganization organization, CoordinationStandards standards, IWorkingCalendar calendar, TimeProvider clock)
{
    /// <summary>At most this many in one list (a year of an office's invitations is a few hundred).</summary>
    public const int ListLimit = 500;

    private static readonly string[] Open =
        [ActivityStatuses.Registered, ActivityStatuses.Proposed, ActivityStatuses.Initialled, ActivityStatuses.Approved, ActivityStatuses.Declined];

    public async Task<DeskTimes> TimesAsync(CancellationToken cancellationToken)
        => new(await standards.CurrentAsync(cancellationToken), await calendar.CurrentAsync(cancellationToken), clock.GetUtcNow());

    public async Task<IReadOnlyList<ActivityView>> ListAsync(ActivityFilter filter, Actor actor, CancellationToken cancellationToken)
    {
        var query = db.Activities.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.From is { } from)
        {
            var utc = from.ToUniversalTime();
            query = query.Where(a => a.End > utc);
        }

        if (filter.To is { } to)
        {
            var utc = to.ToUniversalTime();
            query = query.Where(a => a.Start < utc);
        }

        if (filter.AwaitingMe)
        {
            query = query.Where(a => Open.Contains(a.Status));
        }

        var rows = await query.OrderBy(a => a.Start).ThenBy(a => a.Sequence).Take(ListLimit).ToListAsync(cancellationToken);
        var times = await TimesAsync(cancellationToken);
        var sections = await SectionNamesAsync(cancellationToken);
        if (filter.AwaitingMe)
        {
            var positions = await organization.PositionsAsync(actor, times.Now, cancellationToken);
            rows = [.. rows
                .Select(a => (Activity: a, Pending: times.Of(a)))
                .Where(x => x.Pending is { } p && positions.Any(pos => pos.Covers(p.Role, x.Activity.SectionId)))
                .OrderBy(x => x.Pending!.Since)
                .Select(x => x.Activity)];
        }

        return [.. rows.Select(a => View(a, times, sections, trail: null, actions: null))];
    }

    public async Task<ActivityView?> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Trail).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return null;
        }

        var times = await TimesAsync(cancellationToken);
        var actions = new List<string>();
        foreach (var action in ActivityAction.For(activity.Status))
        {
            if (activity.Refusal(action, actor.UserId, times.Now) is null
                && (await organization.AuthorizeStepAsync(actor, action.Role, activity.SectionId, times.Now, cancellationToken)).Succeeded)
            {
                actions.Add(action.Name);
            }
        }

        return View(activity, times, await SectionNamesAsync(cancellationToken), activity.Trail.OrderBy(e => e.Sequence).ToList(), actions);
    }

    /// <summary>The stored letter of an activity: its path relative to the data folder, type and name; null when there is no such activity.</summary>
    public async Task<(string Path, string ContentType, string FileName, string Sha256)?> LetterAsync(Guid id, CancellationToken cancellationToken)
        => await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.LetterPath, a.LetterContentType, a.LetterFileName, a.LetterSha256 })
            .SingleOrDefaultAsync(cancellationToken) is { } letter
            ? (letter.LetterPath, letter.LetterContentType, letter.LetterFileName, letter.LetterSha256)
            : null;

    /// <summary>The active seksi, for the register form's choice.</summary>
    public async Task<IReadOnlyList<OrgSection>> SeksiChoicesAsync(CancellationToken cancellationToken)
        => [.. (await organization.ListSectionsAsync(cancellationToken)).Where(s => s.Active && s.Kind == SectionKinds.Seksi).OrderBy(s => s.Name)];

    private async Task<Dictionary<Guid, string>> SectionNamesAsync(CancellationToken cancellationToken)
        => (await organization.ListSectionsAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);

    private static ActivityView View(
        Activity a, DeskTimes times, Dictionary<Guid, string> sections, IReadOnlyList<ActivityEntry>? trail, IReadOnlyList<string>? actions)
    {
        var pending = times.Of(a);
        return new ActivityView(
            a.Id, a.AgendaNumber, a.Title, a.Organizer, a.Place, IndonesianTime.ToWib(a.Start), IndonesianTime.ToWib(a.End), a.Contact,
            a.LetterNumber, a.LetterDate, a.SectionId, a.SectionId is { } s && sections.TryGetValue(s, out var name) ? name : null,
            a.Status, ActivityStatusLabels.Of(a.Status), IndonesianTime.ToWib(a.ReceivedAt), IndonesianTime.ToWib(a.RegisteredAt), a.RegisteredByName,
            new LetterView(CoordinationPaths.ApiLetter(a.Id), a.LetterContentType, a.LetterFileName, a.LetterSize),
            pending is null
                ? null
                : new PendingView(pending.Step, CoordinationSteps.Label(pending.Step), pending.Role, IndonesianTime.ToWib(pending.Since),
                    IndonesianTime.ToWib(pending.Due), pending.Overdue, pending.Standard.ToString()),
            trail?.Select(e => new TrailEntryView(
                e.Sequence, e.Action, ActivityAction.TrailLabelOf(e.Action, e.Role), e.Role, e.ActorName, e.ActingAs, e.Note, e.FromStatus, e.ToStatus,
                IndonesianTime.ToWib(e.At))).ToList(),
            actions);
    }
}
