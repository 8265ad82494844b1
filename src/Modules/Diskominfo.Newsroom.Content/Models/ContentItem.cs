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

    /// <summary>
    /// The number of the last saved revision (see <see cref="ContentRevision"/>): the item's entity tag, and its
    /// concurrency token, so that two saves from the same revision cannot both win.
    /// </summary>
    public int Revision { get; set; }

    /// <summary>Who saved the last revision (user id); null for items saved before revisions were kept.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>The name of who saved the last revision, shown when someone else's save conflicts with it.</summary>
    public string? UpdatedByName { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
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
