namespace Diskominfo.Newsroom.Media.Models;

/// <summary>
/// A photo (or document) used by an item: the item it was uploaded to, and every item it was reused in. A link is
/// never removed while the item keeps versions that may hold the photo; it is what lets readers of another item see
/// the photo's renditions and what keeps a used original from being deleted.
/// </summary>
internal sealed class ItemPhotoLink
{
    public Guid ItemId { get; set; }

    public Guid MediaId { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public string LinkedBy { get; set; } = "";
}
