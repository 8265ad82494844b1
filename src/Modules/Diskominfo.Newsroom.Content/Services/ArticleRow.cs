using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Models;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>What the article page's one query reads: the item, its live version, its corrections and related news.</summary>
internal sealed record ArticleRow(
    Guid ItemId,
    string ContentType,
    string Slug,
    DateTimeOffset PublishedAt,
    string? Category,
    Guid VersionId,
    string Title,
    ContentParts Parts,
    List<CorrectionNote> Corrections,
    List<ArticleLink> Related);
