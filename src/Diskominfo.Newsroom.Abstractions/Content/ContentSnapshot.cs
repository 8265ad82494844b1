namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>
/// One version of an item, as other modules need to see it. <see cref="Missing"/> lists the fields a complete item still lacks (an ordered adventorial before its PPTK wrote it).
/// </summary>
public sealed record ContentSnapshot(
    Guid ItemId,
    Guid VersionId,
    int VersionNumber,
    string ContentType,
    string OwnerId,
    string Title,
    string? Lead,
    string? Body,
    string? Category,
    IReadOnlyList<PhotoRef> Photos,
    string ContentHash,
    string? Slug,
    DateTimeOffset? PublishedAt,
    IReadOnlyDictionary<string, string[]>? Missing = null,
    string? VideoUrl = null);
