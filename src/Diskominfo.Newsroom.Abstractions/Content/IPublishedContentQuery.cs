namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>What the public website may show: published versions only (Content module).</summary>
public interface IPublishedContentQuery
{
    Task<IReadOnlyList<PublishedArticle>> LatestAsync(int take, CancellationToken cancellationToken);

    Task<PublishedArticle?> GetBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// The article page's content in one database round trip: the article with its corrections and up to
    /// <paramref name="related"/> other articles of its category, newest first; null when no article has that slug.
    /// </summary>
    Task<ArticleView?> ArticleViewAsync(string slug, int related, CancellationToken cancellationToken);

    Task<PublishedArticle?> GetByIdAsync(Guid itemId, CancellationToken cancellationToken);

    /// <summary>The published ones among the given items, in no particular order.</summary>
    Task<IReadOnlyList<PublishedArticle>> GetByIdsAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);

    /// <summary>Newest first, one page of those matching <paramref name="filter"/>.</summary>
    Task<ArticlePage> ListAsync(ArticleFilter filter, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The months (in WIB) that have published articles, newest first, with their counts.</summary>
    Task<IReadOnlyList<ArchiveMonth>> MonthsAsync(CancellationToken cancellationToken);

    /// <summary>Every published article's address and dates, for the sitemap.</summary>
    Task<IReadOnlyList<PublishedArticle>> AllAsync(CancellationToken cancellationToken);
}

/// <summary>Which articles: of a category, of a month (WIB), or whose title contains every word of a query.</summary>
public sealed record ArticleFilter(string? Category = null, int? Year = null, int? Month = null, string? Query = null);

public sealed record ArticlePage(IReadOnlyList<PublishedArticle> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ArchiveMonth(int Year, int Month, int Count);

/// <summary>A published article; <see cref="BodyHtml"/> is rendered from Markdown and sanitized.</summary>
public sealed record PublishedArticle(
    Guid ItemId,
    string ContentType,
    string Slug,
    string Title,
    string? Lead,
    string BodyHtml,
    string? Category,
    DateOnly? EventDate,
    string? EventPlace,
    IReadOnlyList<PhotoRef> Photos,
    DateTimeOffset PublishedAt,
    IReadOnlyList<CorrectionNote>? Corrections = null,
    string? VideoUrl = null)
{
    public string Path => ArticleAddress.Path(Slug);

    public string? CategoryLabel => Category is null ? null : NewsCategory.Label(Category);

    /// <summary>The last correction's time, or the publication's.</summary>
    public DateTimeOffset ModifiedAt => Corrections is { Count: > 0 } c ? c[^1].At : PublishedAt;
}

/// <summary>Where the public website shows an article: one address for every module (links, feeds, search, social posts).</summary>
public static class ArticleAddress
{
    public const string Prefix = "/berita/";

    public static string Path(string slug) => Prefix + slug;
}

/// <summary>A dated correction (ralat) of a published article, shown with it.</summary>
public sealed record CorrectionNote(DateTimeOffset At, string Note);

/// <summary>Jenis berita: the news categories of the office, by their address-friendly key.</summary>
public static class NewsCategory
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["pemerintahan"] = "Pemerintahan",
        ["pembangunan"] = "Pembangunan",
        ["kesehatan"] = "Kesehatan",
        ["pendidikan"] = "Pendidikan",
        ["ekonomi"] = "Ekonomi",
        ["sosial"] = "Sosial",
        ["pariwisata"] = "Pariwisata dan Budaya",
        ["lingkungan"] = "Lingkungan",
        ["olahraga"] = "Olahraga",
        ["keamanan"] = "Keamanan dan Ketertiban",
        ["umum"] = "Umum",
    };

    public static string Label(string key) => All.GetValueOrDefault(key, key);

    public static string Path(string key) => $"/kategori/{key}";
}
