using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>Every saved revision of an item with who saved it and when, and the side-by-side diff of any two.</summary>
internal sealed class VersionHistory(ContentDbContext db)
{
    public async Task<IReadOnlyList<VersionEntry>> ListAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var current = await db.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Revision).SingleOrDefaultAsync(cancellationToken);
        var rows = await db.Revisions.AsNoTracking()
            .Where(r => r.ItemId == itemId)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.VersionNumber, r.Title, r.ContentHash, r.SavedBy, r.SavedByName, r.SavedAt, r.RestoredFrom })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new VersionEntry(r.Number, r.VersionNumber, r.Title, r.SavedByName, r.SavedBy, r.SavedAt, r.ContentHash, r.RestoredFrom, r.Number == current))
            .ToList();
    }

    /// <summary>The diff of revision <paramref name="a"/> (left) against <paramref name="b"/> (right); null when either is not the item's.</summary>
    public async Task<VersionComparison?> CompareAsync(Guid itemId, int a, int b, CancellationToken cancellationToken)
    {
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ItemId == itemId && (r.Number == a || r.Number == b))
            .ToListAsync(cancellationToken);
        var left = revisions.FirstOrDefault(r => r.Number == a);
        var right = revisions.FirstOrDefault(r => r.Number == b);
        if (left is null || right is null)
        {
            return null;
        }

        var current = await db.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Revision).SingleAsync(cancellationToken);
        return new VersionComparison(
            Entry(left, current),
            Entry(right, current),
            LineDiff.Compare(ContentCatalog.Digest(left.Title, left.Parts), ContentCatalog.Digest(right.Title, right.Parts)));
    }

    /// <summary>
    /// The saved text (the item's last revision) beside what someone typed from an older one; what was typed is
    /// compared as far as it can be read, even when it would not pass validation.
    /// </summary>
    public async Task<EditConflict?> ConflictAsync(Guid itemId, ItemInput typed, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        var saved = item is null ? null : await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.ItemId == itemId && r.Number == item.Revision, cancellationToken);
        if (item is null || saved is null)
        {
            return null;
        }

        var input = typed.Cleaned();
        var parts = ContentInputMapper.TryBuild(ContentTypeDefinition.All[item.ContentType], input, saved.Parts.Photos, new Dictionary<string, string[]>());
        var mine = parts is not null
            ? ContentCatalog.Digest(input.Title ?? "", parts)
            : string.Join('\n', new[] { $"Judul: {input.Title}", $"Teras: {input.Lead}" }.Concat((input.Body ?? "").ReplaceLineEndings("\n").Split('\n')));
        return new EditConflict(Entry(saved, item.Revision), LineDiff.Compare(ContentCatalog.Digest(saved.Title, saved.Parts), mine));
    }

    private static VersionEntry Entry(ContentRevision r, int current)
        => new(r.Number, r.VersionNumber, r.Title, r.SavedByName, r.SavedBy, r.SavedAt, r.ContentHash, r.RestoredFrom, r.Number == current);
}
