using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Editorial.Services;

/// <summary>
/// The office's calendar: embargoed items at their "not before" instant, for staff who may see the item's work
/// (reporters: the items they write). The Kadis may move an embargo by dragging it (the embargo's own rules apply).
/// </summary>
internal sealed class EmbargoCalendarSource(EditorialDbContext db, IContentCatalog content, EditorialService editorial) : ICalendarSource
{
    private const string Prefix = CalendarKinds.Embargo + ":";

    public IReadOnlyList<string> Kinds { get; } = [CalendarKinds.Embargo];

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var query = db.Workflows.AsNoTracking().Where(w => w.EmbargoUntil != null && w.EmbargoUntil >= from && w.EmbargoUntil < to);
        if (!actor.SeesAllWork)
        {
            query = query.Where(w => w.OwnerId == actor.UserId || w.WriterId == actor.UserId);
        }

        var rows = await query.Select(w => new { w.ItemId, w.EmbargoUntil, w.SectionId, w.Status }).ToListAsync(cancellationToken);
        var titles = await content.GetTitlesAsync([.. rows.Select(r => r.ItemId)], cancellationToken);
        var mayMove = actor.IsInRole(NewsroomRoles.Kadis);
        return [.. rows.OrderBy(r => r.EmbargoUntil).Select(r => new CalendarEntry(
            Prefix + r.ItemId, CalendarKinds.Embargo, $"Embargo: {titles.GetValueOrDefault(r.ItemId, "(tanpa judul)")}", r.EmbargoUntil!.Value, null, false,
            r.SectionId, null, $"/admin/naskah/{r.ItemId}", WorkflowStatuses.Label(r.Status),
            mayMove && r.Status is not (WorkflowStatuses.Published or WorkflowStatuses.Archived)))];
    }

    public async Task<Outcome> RescheduleAsync(Actor actor, string entryId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (!entryId.StartsWith(Prefix, StringComparison.Ordinal) || !Guid.TryParse(entryId[Prefix.Length..], out var itemId))
        {
            return Outcome.NotFound("Embargo tidak ditemukan.");
        }

        var owner = await db.Workflows.AsNoTracking().Where(w => w.ItemId == itemId && w.EmbargoUntil != null)
            .Select(w => new { w.OwnerId, w.WriterId }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || (!actor.SeesAllWork && owner.OwnerId != actor.UserId && owner.WriterId != actor.UserId))
        {
            return Outcome.NotFound("Embargo tidak ditemukan.");
        }

        return await editorial.SetEmbargoAsync(itemId, actor, start, cancellationToken);
    }
}
