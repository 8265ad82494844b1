namespace Diskominfo.Newsroom.Content.Models;

/// <summary>
/// One version of an item. A version is edited in place only while it is a draft nobody has seen;
/// once submitted it is sealed, and any later change makes a new version.
/// </summary>
internal sealed class ContentVersion
{
    public Guid Id { get; set; }

    public Guid ItemId { get; set; }

    public int Number { get; set; }

    public string Title { get; set; } = "";

    public ContentParts Parts { get; set; } = new();

    public string ContentHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public bool Sealed { get; set; }
}
