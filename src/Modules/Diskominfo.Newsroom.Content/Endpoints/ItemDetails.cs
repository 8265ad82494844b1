using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Publishing;

namespace Diskominfo.Newsroom.Content.Endpoints;

public sealed record ItemDetails
{
    public Guid Id { get; init; }

    public string Type { get; init; } = "";

    public string Status { get; init; } = "";

    public string StatusLabel { get; init; } = "";

    public string? AwaitingRole { get; init; }

    public int Version { get; init; }

    public string ContentHash { get; init; } = "";

    public string Owner { get; init; } = "";

    public string OwnerName { get; init; } = "";

    /// <summary>The seksi the item belongs to (id and name); null for items from before the office's structure.</summary>
    public Guid? Section { get; init; }

    public string? SectionName { get; init; }

    public string Title { get; init; } = "";

    public string? Lead { get; init; }

    public string? Body { get; init; }

    public string? Category { get; init; }

    public DateOnly? EventDate { get; init; }

    public string? EventPlace { get; init; }

    public string? VideoUrl { get; init; }

    public object? Clipping { get; init; }

    public object? Adventorial { get; init; }

    public IReadOnlyList<PhotoDetails> Photos { get; init; } = [];

    public string? Slug { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public IReadOnlyList<HistoryEntryView> History { get; init; } = [];

    /// <summary>The disposition record given on receipt (first submission).</summary>
    public DispositionView? Disposition { get; init; }

    /// <summary>When the item is scheduled to go live, if a time was set.</summary>
    public DateTimeOffset? PublishAt { get; init; }

    /// <summary>The embargo: no channel publishes the item before this instant (null: none).</summary>
    public DateTimeOffset? EmbargoUntil { get; init; }

    public IReadOnlyList<PublicationView> Publications { get; init; } = [];

    public ArchiveView? Archive { get; init; }
}

public sealed record PhotoDetails(Guid MediaId, string Url, string? Caption, string? Credit, int Width, int Height, string ContentType);

public sealed record ItemSummary(Guid Id, string Type, string Title, string Status, string StatusLabel, string OwnerName, DateTimeOffset CreatedAt, string? Url);

public sealed record ItemCreatedResponse(Guid Id, int Version, string ContentHash);

/// <summary>
/// A line of "my desk": the item, whose turn, since when, how long that is in working time and the step's standard (mutu
/// baku: the working minutes it allows, as set, and when it is due under the office's working calendar), and the post the
/// user acts in when it is not his own ("Plh. Kepala Dinas ...").
/// </summary>
public sealed record AwaitingRow(
    Guid Id, string Type, string Title, string Status, string StatusLabel, string? AwaitingRole, DateTimeOffset Since, string? Note,
    int WaitingMinutes, int StandardMinutes, string? ActingAs = null, DateTimeOffset? DueAt = null, string? Standard = null)
{
    public bool Overdue => WaitingMinutes > StandardMinutes;
}
