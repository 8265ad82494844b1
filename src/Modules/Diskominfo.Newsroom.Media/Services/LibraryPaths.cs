namespace Diskominfo.Newsroom.Media.Services;

/// <summary>The media library's desk pages.</summary>
internal static class LibraryPaths
{
    public const string Library = "/admin/media";

    /// <summary>The library opened to pick a photo for an item.</summary>
    public static string PickFor(Guid itemId) => $"{Library}?untuk={itemId}";

    /// <summary>An item's photos: order, lead, caption, credit, alt text, removal.</summary>
    public static string ItemPhotos(Guid itemId) => $"/admin/media/naskah/{itemId}";
}
