namespace Diskominfo.Newsroom.Content.Models;

/// <summary>
/// One save of an item, as it was saved: every change of its text (also the in-place edits of an unseen draft, which
/// do not make a new <see cref="ContentVersion"/>), with who saved it and when. Numbered 1, 2, ... per item; the
/// item's <see cref="ContentItem.Revision"/> is the last one. Written once, never changed.
/// </summary>
internal sealed class ContentRevision
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    public int Number { get; set; }

    /// <summary>The version the save went into (the same version for the saves of a draft edited in place).</summary>
    public Guid VersionId { get; set; }

    public int VersionNumber { get; set; }

    public string Title { get; set; } = "";

    public ContentParts Parts { get; set; } = new();

    public string ContentHash { get; set; } = "";

    public string SavedBy { get; set; } = "";

    public string SavedByName { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The revision whose text this save restored, when it was a restore.</summary>
    public int? RestoredFrom { get; set; }
}
