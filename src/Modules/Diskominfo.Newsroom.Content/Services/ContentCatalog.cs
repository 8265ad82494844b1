using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Content.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>Content as the desk and the public site read it.</summary>
/// <remarks>
/// The module's DbContext is made on first use: the article page reads without one (<see cref="ArticlePageQuery"/>),
/// and setting a context up cost an uncached page more than its query.
/// </remarks>
internal sealed class ContentCatalog(Lazy<ContentDbContext> context, NewsroomDatabase database, MarkdownRenderer markdown, IMemoryCache cache)
    : IContentCatalog, IPublishedContentQuery
{
    private ContentDbContext Db => context.Value;

    public async Task<ContentSnapshot?> GetLatestAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await Db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        return item is null ? null : await SnapshotAsync(item, item.LatestVersionId, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GetTitlesAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
        => await (from item in Db.Items.AsNoTracking()
                  join version in Db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                  where itemIds.Contains(item.Id)
                  select new { item.Id, version.Title })
            .ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);

    public async Task<IReadOnlyList<Guid>> FindByTitleAsync(string words, int take, CancellationToken cancellationToken)
    {
        var pattern = $"%{words.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%".ToLowerInvariant();
        return await (from item in Db.Items.AsNoTracking()
                      join version in Db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                      where EF.Functions.Like(version.Title.ToLower(), pattern, "\\")
                      select item.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    public async Task<string?> GetDigestAsync(Guid itemId, Guid versionId, CancellationToken cancellationToken)
    {
        var version = await Db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId && v.ItemId == itemId, cancellationToken);
        return version is null ? null : Digest(version);
    }

    public async Task<ContentSnapshot?> GetVersionAsync(Guid itemId, Guid versionId, CancellationToken cancellationToken)
    {
        var item = await Db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        return item is null ? null : await SnapshotAsync(item, versionId, cancellationToken);
    }

    public Task<bool> IsPublishedAsync(Guid itemId, CancellationToken cancellationToken)
        => Db.Items.AnyAsync(i => i.Id == itemId && i.PublishedVersionId != null, cancellationToken);

    public async Task<IReadOnlyList<PublishedArticle>> LatestAsync(int take, CancellationToken cancellationToken)
    {
        var items = await PublishedItems()
            .OrderByDescending(i => i.PublishedAt)
            .Take(take)
            .ToListAsync(cancellationToken);
        return await ToArticlesAsync(items, cancellationToken);
    }

    public async Task<PublishedArticle?> GetBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var items = await PublishedItems().Where(i => i.Slug == slug).ToListAsync(cancellationToken);
        return (await ToArticlesAsync(items, cancellationToken)).SingleOrDefault();
    }

    public async Task<PublishedArticle?> GetByIdAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var items = await PublishedItems().Where(i => i.Id == itemId).ToListAsync(cancellationToken);
        return (await ToArticlesAsync(items, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<PublishedArticle>> GetByIdsAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        var items = await PublishedItems().Where(i => itemIds.Contains(i.Id)).ToListAsync(cancellationToken);
        return await ToArticlesAsync(items, cancellationToken);
    }

    public async Task<ArticlePage> ListAsync(ArticleFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = PublishedItems();
        if (filter.Category is { } category)
        {
            query = query.Where(i => i.Category == category);
        }

        if (filter.Year is { } year)
        {
            var (from, to) = MonthInUtc(year, filter.Month);
            query = query.Where(i => i.PublishedAt >= from && i.PublishedAt < to);
        }

        foreach (var word in (filter.Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var pattern = $"%{word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(i => EF.Functions.Like(i.PublishedTitle!.ToLower(), pattern.ToLower(), "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.PublishedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ArticlePage(await ToArticlesAsync(items, cancellationToken), page, pageSize, total);
    }

    public async Task<ArticleView?> ArticleViewAsync(string slug, int related, CancellationToken cancellationToken)
    {
        var row = await ArticlePageQuery.ReadAsync(database, slug, related, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var article = ToArticle(row.ItemId, row.ContentType, row.Slug, row.PublishedAt, row.VersionId, row.Title, row.Parts, row.Corrections);
        return new ArticleView(article, row.Related);
    }

    public async Task<IReadOnlyList<ArchiveMonth>> MonthsAsync(CancellationToken cancellationToken)
    {
        // Dates only, grouped here: SQLite cannot take a DateTimeOffset apart, and an office publishes thousands, not millions.
        var dates = await PublishedItems().Select(i => i.PublishedAt!.Value).ToListAsync(cancellationToken);
        return dates.Select(Abstractions.Text.IndonesianTime.ToWib)
            .GroupBy(d => (d.Year, d.Month))
            .OrderByDescending(g => g.Key)
            .Select(g => new ArchiveMonth(g.Key.Year, g.Key.Month, g.Count()))
            .ToList();
    }

    public async Task<IReadOnlyList<PublishedArticle>> AllAsync(CancellationToken cancellationToken)
    {
        var items = await PublishedItems().OrderByDescending(i => i.PublishedAt).ToListAsync(cancellationToken);
        return await ToArticlesAsync(items, cancellationToken);
    }

    /// <summary>A month (or a whole year) in Western Indonesian Time, as a UTC range.</summary>
    private static (DateTimeOffset From, DateTimeOffset To) MonthInUtc(int year, int? month)
    {
        var wib = Abstractions.Text.IndonesianTime.WibOffset;
        var from = new DateTimeOffset(year, month ?? 1, 1, 0, 0, 0, wib);
        var to = month is null ? from.AddYears(1) : from.AddMonths(1);
        return (from.ToUniversalTime(), to.ToUniversalTime());
    }

    private IQueryable<ContentItem> PublishedItems()
        => Db.Items.AsNoTracking().Where(i => i.PublishedVersionId != null && i.ContentType != ContentTypes.Clipping);

    private async Task<IReadOnlyList<PublishedArticle>> ToArticlesAsync(List<ContentItem> items, CancellationToken cancellationToken)
    {
        var versionIds = items.Select(i => i.PublishedVersionId!.Value).ToList();
        var versions = await Db.Versions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var itemIds = items.Select(i => i.Id).ToList();
        var corrections = (await Db.Corrections.AsNoTracking().Where(c => itemIds.Contains(c.ItemId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.ItemId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CorrectionNote>)g.OrderBy(c => c.CorrectedAt).Select(c => new CorrectionNote(c.CorrectedAt, c.Note)).ToList());
        return items.Select(i => ToArticle(i, versions[i.PublishedVersionId!.Value], corrections.GetValueOrDefault(i.Id) ?? [])).ToList();
    }

    private PublishedArticle ToArticle(ContentItem item, ContentVersion version, IReadOnlyList<CorrectionNote> corrections)
        => ToArticle(item.Id, item.ContentType, item.Slug!, item.PublishedAt!.Value, version.Id, version.Title, version.Parts, corrections);

    /// <summary>What readers see of a live version: the lists and the article page alike.</summary>
    private PublishedArticle ToArticle(
        Guid itemId, string contentType, string slug, DateTimeOffset publishedAt, Guid versionId, string title, ContentParts parts,
        IReadOnlyList<CorrectionNote> corrections)
    {
        var article = parts.Article;
        return new PublishedArticle(
            itemId,
            contentType,
            slug,
            title,
            article?.Lead,
            BodyHtml(versionId, parts),
            article?.Category,
            article?.EventDate,
            article?.EventPlace,
            parts.Photos,
            publishedAt,
            corrections,
            article?.VideoUrl);
    }

    /// <summary>
    /// A version never changes, so neither does its HTML: rendered and sanitized once, then taken from memory
    /// (sanitizing is the dearest part of showing an article).
    /// </summary>
    private string BodyHtml(Guid versionId, ContentParts parts)
        => cache.GetOrCreate(("article-html", versionId), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return markdown.ToHtml(parts.Article?.Body ?? "");
        })!;

    /// <summary>The version as labelled lines, one fact per line and the text line by line, for a readable diff.</summary>
    private static string Digest(ContentVersion version) => Digest(version.Title, version.Parts);

    /// <summary>The text of a version line by line, as the side-by-side diffs compare it.</summary>
    internal static string Digest(string title, ContentParts parts)
    {
        var lines = new List<string> { $"Judul: {title}" };
        if (parts.Clipping is { } clipping)
        {
            lines.Add($"Media: {clipping.Outlet} ({clipping.MediaType})");
            lines.Add($"Tanggal terbit: {clipping.EditionDate:yyyy-MM-dd}, halaman {clipping.Page ?? "-"}");
            lines.Add($"Judul di media: {clipping.Headline ?? "-"}");
            lines.Add($"Nada: {clipping.Tone}");
            lines.Add($"Topik: {string.Join(", ", clipping.Topics)}");
            lines.AddRange((clipping.Text ?? "").ReplaceLineEndings("\n").Split('\n'));
        }

        if (parts.Adventorial is { } file)
        {
            lines.Add($"Media massa: {file.Outlet}");
            lines.Add($"Biaya: {file.Cost?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
            lines.Add($"DPA SKPD: {file.BudgetLine ?? "-"}; HSPK: {file.HspkReference ?? "-"}; kontrak: {file.ContractNumber ?? "-"}");
            lines.Add($"Tanggal tayang: {file.PublicationDate?.ToString("yyyy-MM-dd") ?? "-"}");
        }

        if (parts.Article is { } article)
        {
            lines.Add($"Jenis berita: {article.Category}");
            lines.Add($"Kegiatan: {article.EventDate?.ToString("yyyy-MM-dd") ?? "-"}, {article.EventPlace ?? "-"}");
            lines.Add($"Teras: {article.Lead}");
            lines.AddRange(article.Body.ReplaceLineEndings("\n").Split('\n'));
        }

        lines.AddRange(parts.Photos.Select(p => $"Foto: {p.Caption ?? "(tanpa keterangan)"} / {p.Credit ?? "-"}"));
        return string.Join('\n', lines);
    }

    private async Task<ContentSnapshot?> SnapshotAsync(ContentItem item, Guid versionId, CancellationToken cancellationToken)
    {
        var version = await Db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId && v.ItemId == item.Id, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var article = version.Parts.Article;
        return new ContentSnapshot(
            item.Id, version.Id, version.Number, item.ContentType, item.OwnerId, version.Title,
            article?.Lead, article?.Body, article?.Category, version.Parts.Photos, version.ContentHash, item.Slug, item.PublishedAt,
            ContentInputMapper.Missing(item.ContentType, version.Title, version.Parts), article?.VideoUrl);
    }
}
