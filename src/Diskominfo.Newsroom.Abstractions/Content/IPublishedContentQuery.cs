namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>What the public website may show: published versions only (Content module).</summary>
public interface IPublishedContentQuery
{
    Task<IReadOnlyList<PublishedArticle>> LatestAsync(int take, CancellationToken cancellationToken);

    Task<PublishedArticle?> GetBySlugAsync(string slug, CancellationToken cancellationToken);
}

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
    IReadOnlyList<CorrectionNote>? Corrections = null);

/// <summary>A dated correction (ralat) of a published article, shown with it.</summary>
public sealed record CorrectionNote(DateTimeOffset At, string Note);
