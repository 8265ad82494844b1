using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// The adventorials and clippings as the Reports module reads them, from each item's working version. Parts are JSON:
/// they are read here and filtered in memory (an office has a few hundred adventorials and a few thousand clippings a year).
/// </summary>
internal sealed class ReportSources(ContentDbContext db) : IAdventorialOrders, IClippingQuery
{
    public async Task<IReadOnlyList<AdventorialOrder>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await (from item in db.Items.AsNoTracking()
                          where item.ContentType == ContentTypes.Adventorial
                          join version in db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                          select new { item.Id, item.CreatedAt, item.OwnerId, item.OwnerName, version.Title, version.Parts })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.Parts.Adventorial is not null)
            .Select(r => new AdventorialOrder(
                r.Id, r.Title, r.Parts.Adventorial!.Outlet.Trim(), r.Parts.Adventorial.Cost, Blank(r.Parts.Adventorial.BudgetLine),
                r.Parts.Adventorial.PublicationDate, r.CreatedAt, r.OwnerId, r.OwnerName))
            .ToList();
    }

    public async Task<IReadOnlyList<ClippingEntry>> ListByEditionAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await (from item in db.Items.AsNoTracking()
                          where item.ContentType == ContentTypes.Clipping
                          join version in db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                          select new { item.Id, version.Title, version.Parts })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.Parts.Clipping is { } c && c.EditionDate >= from && c.EditionDate <= to)
            .Select(r => (r.Id, r.Title, Clipping: r.Parts.Clipping!, r.Parts.Photos))
            .Select(r => new ClippingEntry(
                r.Id, Blank(r.Clipping.Headline) ?? r.Title, r.Clipping.Outlet.Trim(), r.Clipping.MediaType, r.Clipping.EditionDate,
                Blank(r.Clipping.Page), r.Clipping.Tone, r.Photos))
            .ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
