using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// The calendar's "adventorial" entries: each adventorial's publication date (tanggal tayang) as an all-day WIB entry,
/// for those who may see its work. Moving it changes the date as an edit of the item, so only who may edit it now may.
/// </summary>
internal sealed class AdventorialCalendarSource(
    ContentDbContext db, ContentService editor, IItemAccess access, IEditGate editGate, IWorkflowQuery workflows) : ICalendarSource
{
    private const string Prefix = CalendarKinds.Adventorial + ":";

    public IReadOnlyList<string> Kinds { get; } = [CalendarKinds.Adventorial];

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var first = DateOnly.FromDateTime(IndonesianTime.ToWib(from).DateTime);
        var last = DateOnly.FromDateTime(IndonesianTime.ToWib(to.AddTicks(-1)).DateTime);
        var rows = await (from item in db.Items.AsNoTracking()
                          where item.ContentType == ContentTypes.Adventorial
                          join version in db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                          select new { item.Id, item.SectionId, version.Title, version.Parts }).ToListAsync(cancellationToken);
        var dated = rows.Where(r => r.Parts.Adventorial?.PublicationDate is { } d && d >= first && d <= last).ToList();
        var statuses = await workflows.GetStatusesAsync([.. dated.Select(r => r.Id)], cancellationToken);
        var entries = new List<CalendarEntry>();
        foreach (var row in dated)
        {
            if (!actor.SeesAllWork && await access.SightAsync(row.Id, actor, cancellationToken) < ItemSight.Work)
            {
                continue;
            }

            var day = row.Parts.Adventorial!.PublicationDate!.Value;
            var status = statuses.TryGetValue(row.Id, out var s) ? WorkflowStatuses.Label(s) : null;
            var canMove = (await editGate.CanEditAsync(row.Id, actor, cancellationToken)).Succeeded;
            entries.Add(new CalendarEntry(
                Prefix + row.Id, CalendarKinds.Adventorial, row.Title, IndonesianTime.StartOfDay(day), IndonesianTime.StartOfDay(day.AddDays(1)), true,
                row.SectionId, row.Parts.Adventorial.Outlet, DeskPaths.Item(row.Id), status, canMove));
        }

        return entries;
    }

    public async Task<Outcome> RescheduleAsync(Actor actor, string entryId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (!entryId.StartsWith(Prefix, StringComparison.Ordinal) || !Guid.TryParse(entryId[Prefix.Length..], out var itemId)
            || !await db.Items.AnyAsync(i => i.Id == itemId && i.ContentType == ContentTypes.Adventorial, cancellationToken)
            || await access.SightAsync(itemId, actor, cancellationToken) < ItemSight.Work)
        {
            return Outcome.NotFound("Adventorial tidak ditemukan.");
        }

        return await editor.SetPublicationDateAsync(itemId, DateOnly.FromDateTime(IndonesianTime.ToWib(start).DateTime), actor, cancellationToken);
    }
}
