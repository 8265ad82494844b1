using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Media.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>What the library is asked: words (caption, credit, alt text, file name), an item, a day range, a page (1-based).</summary>
internal sealed record LibraryFilter(string? Q, Guid? Item, DateOnly? From, DateOnly? To, int Page);

/// <summary>One file of the library, with the items it is used in.</summary>
internal sealed record LibraryEntry(
    Guid MediaId, string ContentType, int Width, int Height, long Size, string OriginalName, string? Caption, string? Credit, string? Alt,
    DateTimeOffset UploadedAt, string UploadedBy, string Url, string? ThumbnailUrl, IReadOnlyList<LibraryItemRef> Items);

internal sealed record LibraryItemRef(Guid ItemId, string? Title);

/// <summary>A page of the library, newest first.</summary>
internal sealed record LibraryPage(int Page, int PageSize, int Total, bool HasMore, IReadOnlyList<LibraryEntry> Items);

/// <summary>
/// The media library: every photo and document, newest first, a page at a time through the (UploadedAt, Id) index.
/// Approvers, archivists, operators and admins see every file; a reporter the files he uploaded.
/// </summary>
internal sealed class LibraryQuery(MediaDbContext db, IContentCatalog catalog)
{
    public const int PageSize = 48;

    public static Outcome<LibraryFilter> Parse(string? q, string? item, string? from, string? to, string? page)
    {
        var errors = new Dictionary<string, string[]>();
        var number = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 100_000))
        {
            errors["page"] = ["Halaman harus bilangan bulat 1 atau lebih."];
        }

        Guid? itemId = null;
        if (!string.IsNullOrWhiteSpace(item))
        {
            if (Guid.TryParse(item, out var parsed))
            {
                itemId = parsed;
            }
            else
            {
                errors["item"] = ["Naskah harus berupa id naskah."];
            }
        }

        var fromDate = Date(from, "from", errors);
        var toDate = Date(to, "to", errors);
        if (fromDate > toDate)
        {
            errors["to"] = ["Tanggal akhir tidak boleh sebelum tanggal awal."];
        }

        var words = q?.Trim();
        if (words?.Length > 200)
        {
            errors["q"] = ["Kata pencarian paling panjang 200 karakter."];
        }

        return errors.Count > 0
            ? Outcome<LibraryFilter>.From(Outcome.Invalid(errors, errors.Values.First()[0]))
            : Outcome<LibraryFilter>.Ok(new LibraryFilter(string.IsNullOrEmpty(words) ? null : words, itemId, fromDate, toDate, number));
    }

    public async Task<LibraryPage> ListAsync(LibraryFilter filter, Actor actor, CancellationToken cancellationToken)
    {
        var files = db.Files.AsNoTracking();
        if (!actor.SeesAllWork)
        {
            files = files.Where(f => f.UploadedBy == actor.UserId);
        }

        if (filter.Q is { } q)
        {
            // A pasted item id finds that item's files; otherwise words in the caption, credit, alt text or file name.
            if (Guid.TryParse(q, out var itemId))
            {
                files = files.Where(f => db.Links.Any(l => l.MediaId == f.Id && l.ItemId == itemId));
            }
            else
            {
                // The items whose title has the words bring their files too (the library's "search by item").
                var titled = (await catalog.FindByTitleAsync(q, 500, cancellationToken)).ToList();

                // Case-insensitive "contains" on both providers: lower() on both sides, LIKE with the wildcards escaped.
                var pattern = $"%{q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%"
                    .ToLowerInvariant();
                files = files.Where(f =>
                    (f.Caption != null && EF.Functions.Like(f.Caption.ToLower(), pattern, "\\"))
                    || (f.Credit != null && EF.Functions.Like(f.Credit.ToLower(), pattern, "\\"))
                    || (f.AltText != null && EF.Functions.Like(f.AltText.ToLower(), pattern, "\\"))
                    || EF.Functions.Like(f.OriginalName.ToLower(), pattern, "\\")
                    || db.Links.Any(l => l.MediaId == f.Id && titled.Contains(l.ItemId)));
            }
        }

        if (filter.Item is { } item)
        {
            files = files.Where(f => db.Links.Any(l => l.MediaId == f.Id && l.ItemId == item));
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            files = files.Where(f => f.UploadedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            files = files.Where(f => f.UploadedAt < end);
        }

        var total = await files.CountAsync(cancellationToken);
        var rows = await files
            .OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var links = await db.Links.AsNoTracking().Where(l => ids.Contains(l.MediaId)).ToListAsync(cancellationToken);
        var titles = links.Count == 0
            ? new Dictionary<Guid, string>()
            : await catalog.GetTitlesAsync([.. links.Select(l => l.ItemId).Distinct()], cancellationToken);
        var entries = rows.Select(f => new LibraryEntry(
            f.Id, f.ContentType, f.Width, f.Height, f.Size, f.OriginalName, f.Caption, f.Credit, f.AltText, f.UploadedAt, f.UploadedBy,
            MediaPaths.Original(f.Id),
            f.ContentType.StartsWith("image/", StringComparison.Ordinal) ? MediaPaths.Photo(f.Id, MediaPaths.Thumbnail) : null,
            [.. links.Where(l => l.MediaId == f.Id).OrderBy(l => l.LinkedAt).Select(l => new LibraryItemRef(l.ItemId, titles.GetValueOrDefault(l.ItemId)))]))
            .ToList();
        return new LibraryPage(filter.Page, PageSize, total, filter.Page * PageSize < total, entries);
    }

    private static DateOnly? Date(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = ["Tanggal harus berformat YYYY-MM-DD."];
        return null;
    }
}
