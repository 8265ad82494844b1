namespace Diskominfo.Newsroom.Abstractions.Admin;

/// <summary>
/// A link a module adds to the desk's navigation, shown to users in any of <see cref="Roles"/> (all signed-in staff when empty).
/// Registered as a singleton; the layout shows them by <see cref="Order"/>.
/// </summary>
public sealed record AdminMenuItem(string Title, string Href, int Order, params string[] Roles)
{
    public bool VisibleTo(Security.Actor actor) => Roles.Length == 0 || Roles.Any(actor.IsInRole);
}
