namespace Diskominfo.Newsroom.Content.Models;

/// <summary>A content item: its type, owner, and which of its versions is the working one and which is live.</summary>
internal sealed class ContentItem
{
    public Guid Id { get; set; }

    public string ContentType { get; set; } = "";

    public string OwnerId { get; set; } = "";

    public string OwnerName { get; set; } = "";

    /// <summary>The seksi the item belongs to (Organization module's id); null for items from before the office's structure.</summary>
    public Guid? SectionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid LatestVersionId { get; set; }

    public Guid? PublishedVersionId { get; set; }

    /// <summary>Assigned at first publication and never changed afterwards.</summary>
    public string? Slug { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The live version's category, kept here so the website can list by it.</summary>
    public string? Category { get; set; }

    /// <summary>The live version's title, kept here so the website can search it.</summary>
    public string? PublishedTitle { get; set; }
}

/// <summary>A correction (ralat) made live: which version replaced the published one, when, and why.</summary>
internal sealed class Correction
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    public Guid VersionId { get; set; }

    public string Note { get; set; } = "";

    public DateTimeOffset CorrectedAt { get; set; }
}
