using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Archive.Data;
using Diskominfo.Newsroom.Archive.Models;
using Diskominfo.Newsroom.Archive.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Archive.Handlers;

/// <summary>Files the item once all its publications are finished, in the same transaction, with the next archive number of the year.</summary>
internal sealed class ArchiveOnPublicationsCompleted(
    ArchiveDbContext db, NewsroomDatabase database, IEventPublisher events, IOptions<ArchiveOptions> options, ArchiveSheetBuilder sheets, ArchiveSeal seal)
    : IEventHandler<ItemPublicationsCompleted>, IArchiveQuery
{
    public async Task HandleAsync(ItemPublicationsCompleted @event, CancellationToken cancellationToken)
    {
        // One archive number at a time: two items archived at once must not both read the same last number.
        await database.LockAsync("archive-number", cancellationToken);
        var existing = await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.ItemId == @event.ItemId, cancellationToken);
        if (existing is not null)
        {
            // A correction (ralat) of an archived item: filed again under its number, which is never given twice.
            await FileSheetAsync(@event.ItemId, existing.Number, existing.Classification, @event.At, cancellationToken);
            await events.PublishAsync(new ItemArchived(@event.ItemId, existing.Number, existing.Classification, @event.At), cancellationToken);
            return;
        }

        var settings = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var year = TimeZoneInfo.ConvertTime(@event.At, zone).Year;
        var code = settings.Classifications.GetValueOrDefault(@event.ContentType, "480");

        // Under the lock the last number read is the last one committed; the unique index stays as the backstop.
        var last = await db.Records.Where(r => r.Year == year).MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0;
        var sequence = last + 1;
        var number = settings.NumberFormat
            .Replace("{code}", code, StringComparison.Ordinal)
            .Replace("{seq}", sequence.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        db.Records.Add(new ArchiveRecord
        {
            ItemId = @event.ItemId,
            ContentType = @event.ContentType,
            Year = year,
            Sequence = sequence,
            Number = number,
            Classification = code,
            ArchivedAt = @event.At,
        });
        await db.SaveChangesAsync(cancellationToken);
        await FileSheetAsync(@event.ItemId, number, code, @event.At, cancellationToken);
        await events.PublishAsync(new ItemArchived(@event.ItemId, number, code, @event.At), cancellationToken);
    }

    /// <summary>Freezes what is filed now: the first filing's sheet, or a correction's, next to the earlier ones.</summary>
    private async Task FileSheetAsync(Guid itemId, string number, string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var round = await db.Snapshots.CountAsync(s => s.ItemId == itemId, cancellationToken);
        var sheet = await sheets.BuildAsync(itemId, number, code, options.Value.ClassificationName(code), round, at, cancellationToken);
        if (sheet is null)
        {
            return;
        }

        var json = sheet.ToJson();
        db.Snapshots.Add(new ArchiveSnapshot { ItemId = itemId, Round = round, TakenAt = at, Json = json, Sha256 = ArchiveSheet.Hash(json), Seal = seal.Compute(json) });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ArchiveView?> GetAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var record = await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.ItemId == itemId, cancellationToken);
        return record is null ? null : new ArchiveView(record.Number, record.Classification, record.ArchivedAt);
    }

    public async Task<IReadOnlyDictionary<Guid, ArchiveView>> GetManyAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
        => await db.Records.AsNoTracking()
            .Where(r => itemIds.Contains(r.ItemId))
            .ToDictionaryAsync(r => r.ItemId, r => new ArchiveView(r.Number, r.Classification, r.ArchivedAt), cancellationToken);
}
