namespace Diskominfo.Newsroom.Content.Endpoints;

/// <summary>
/// An item in its public shape: what the website shows of it and nothing more, for anonymous readers and for staff who
/// may not see the item's work. No status, no owner or other user ids, no history, hashes, publication records,
/// administrative file (cost, budget line, HSPK, contract) or original files: photos come as their public renditions.
/// </summary>
public sealed record PublicItem(
    Guid Id,
    string Type,
    string Title,
    string? Lead,
    string BodyHtml,
    string? Category,
    string? CategoryLabel,
    DateOnly? EventDate,
    string? EventPlace,
    bool Paid,
    IReadOnlyList<PublicPhoto> Photos,
    string Url,
    DateTimeOffset PublishedAt,
    DateTimeOffset ModifiedAt,
    IReadOnlyList<PublicCorrection> Corrections);

/// <summary>A published photo as readers get it: a rendition (no camera metadata), its caption and credit.</summary>
public sealed record PublicPhoto(string Url, string ThumbnailUrl, string? Caption, string? Credit);

/// <summary>A dated correction note shown with the article.</summary>
public sealed record PublicCorrection(DateTimeOffset At, string Note);
