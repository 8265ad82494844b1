namespace Diskominfo.Newsroom.Abstractions.Admin;

/// <summary>
/// A panel a module adds to the item page of the desk: the name of one of its view components, which is
/// invoked with an <see cref="ItemPanelContext"/>. Lower <see cref="Order"/> comes first.
/// </summary>
public sealed record ItemPanel(string ViewComponent, int Order);

/// <summary>What a panel knows of the item the page shows.</summary>
public sealed record ItemPanelContext(Guid ItemId, string ContentType, string Status, string ContentHash, string OwnerId, bool CanEdit);

/// <summary>Names shared by the desk's pages across modules.</summary>
public static class DeskPaths
{
    /// <summary>The TempData key of the one-line message shown after an action (for example "Naskah diajukan").</summary>
    public const string FlashKey = "newsroom.flash";

    public static string Item(Guid itemId) => $"/admin/naskah/{itemId}";
}
