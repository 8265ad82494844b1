using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// The calendar's "publication" entries: signed items whose publications wait for their time and have not started.
/// Moving one is what the publish-later rule allows after the signature (the Kadis of the item, the operator, an admin),
/// through <see cref="IPublicationScheduler"/>, whose refusals are passed on; the approval chain hears of the new time
/// (<see cref="PublicationRescheduled"/>) and records it in the item's buku agenda.
/// </summary>
internal sealed class PublicationCalendarSource(
    PublishingDbContext db, NewsroomDatabase database, IPublicationScheduler scheduler, IEventPublisher events, IContentCatalog content, IItemAccess access, IWorkflowQuery workflows,
    IOrganization organization, TimeProvider clock) : ICalendarSource
{
    private const string Prefix = CalendarKinds.Publication + ":";

    public IReadOnlyList<string> Kinds { get; } = [CalendarKinds.Publication];

    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var due = await db.Publications.AsNoTracking()
            .Where(p => p.Status == PublicationStatuses.Pending && p.Attempts == 0 && p.DueAt >= from && p.DueAt < to)
            .Select(p => new { p.ItemId, p.Round, p.DueAt })
            .ToListAsync(cancellationToken);
        var items = due.GroupBy(p => p.ItemId).Select(g => (ItemId: g.Key, DueAt: g.Min(p => p.DueAt))).ToList();
        var titles = await content.GetTitlesAsync([.. items.Select(i => i.ItemId)], cancellationToken);
        var positions = await organization.PositionsAsync(actor, clock.GetUtcNow(), cancellationToken);
        var entries = new List<CalendarEntry>();
        foreach (var (itemId, dueAt) in items)
        {
            if (!titles.TryGetValue(itemId, out var title) || (!actor.SeesAllWork && await access.SightAsync(itemId, actor, cancellationToken) < ItemSight.Work))
            {
                continue;
            }

            var section = (await workflows.GetAsync(itemId, cancellationToken))?.SectionId;
            entries.Add(new CalendarEntry(
                Prefix + itemId, CalendarKinds.Publication, title, dueAt, null, false, section, null, DeskPaths.Item(itemId),
                "Menunggu waktu terbit", MayMove(actor, positions, section) && await NotStartedAsync(itemId, cancellationToken)));
        }

        return entries;
    }

    public async Task<Outcome> RescheduleAsync(Actor actor, string entryId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (!entryId.StartsWith(Prefix, StringComparison.Ordinal) || !Guid.TryParse(entryId[Prefix.Length..], out var itemId)
            || !await db.Publications.AnyAsync(p => p.ItemId == itemId, cancellationToken)
            || await access.SightAsync(itemId, actor, cancellationToken) < ItemSight.Work)
        {
            return Outcome.NotFound("Jadwal terbit tidak ditemukan.");
        }

        var now = clock.GetUtcNow();
        var section = (await workflows.GetAsync(itemId, cancellationToken))?.SectionId;
        if (!MayMove(actor, await organization.PositionsAsync(actor, now, cancellationToken), section))
        {
            return Outcome.Forbidden("Hanya Kepala Dinas, operator website, atau admin yang dapat mengubah waktu terbit naskah yang sudah ditandatangani.");
        }

        if (start <= now)
        {
            return Outcome.Invalid("start", "Waktu terbit harus di masa depan.");
        }

        if (start > now.AddYears(1))
        {
            return Outcome.Invalid("start", "Waktu terbit paling lambat satu tahun dari sekarang.");
        }

        // The publications move, and the approval chain records the new time, in one transaction.
        return await database.InTransactionAsync(async ct =>
        {
            var outcome = await scheduler.RescheduleAsync(itemId, start, ct);
            if (outcome.Succeeded)
            {
                await events.PublishAsync(new PublicationRescheduled(itemId, start, actor, now), ct);
            }

            return outcome;
        }, cancellationToken);
    }

    /// <summary>Who may set the time after the signature (as <c>Workflow.MaySchedule</c>): the Kadis covering the item, the operator, an admin.</summary>
    private static bool MayMove(Actor actor, IReadOnlyList<ActingPosition> positions, Guid? section)
        => actor.IsInRole(NewsroomRoles.Operator) || actor.IsInRole(NewsroomRoles.Admin) || positions.Any(p => p.Covers(NewsroomRoles.Kadis, section));

    private async Task<bool> NotStartedAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var all = await db.Publications.AsNoTracking().Where(p => p.ItemId == itemId).Select(p => new { p.Round, p.Status, p.Attempts }).ToListAsync(cancellationToken);
        var round = all.Max(p => p.Round);
        return all.Where(p => p.Round == round).All(p => p.Status == PublicationStatuses.Pending && p.Attempts == 0);
    }
}
