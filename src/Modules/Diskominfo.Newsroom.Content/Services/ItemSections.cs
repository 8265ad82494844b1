using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// Which seksi a new item belongs to: its author's, or, when the author belongs to no seksi (a Kabid, the Kadis, someone
/// not yet placed), the one chosen. While the office has no seksi at all, items belong to none.
/// </summary>
internal sealed class ItemSections(IUserDirectory users, IOrganization organization)
{
    /// <summary>The seksi an author may choose from; empty when the item takes the author's own seksi or none exists.</summary>
    public async Task<IReadOnlyList<OrgSection>> ChoicesAsync(Actor actor, CancellationToken cancellationToken)
    {
        var (own, active) = await ReadAsync(actor, cancellationToken);
        return own is null ? active : [];
    }

    /// <summary>The item's seksi, or the field error (Indonesian) when one must be chosen and was not, or is not an active seksi.</summary>
    public async Task<(Guid? SectionId, string? Error)> ResolveAsync(Actor actor, Guid? requested, bool order, CancellationToken cancellationToken)
    {
        var (own, active) = await ReadAsync(actor, cancellationToken);
        if (own is not null)
        {
            return (own.Id, null);
        }

        if (requested is { } id)
        {
            return active.Any(s => s.Id == id) ? (id, null) : (null, "Seksi tidak dikenal atau tidak aktif; pilih salah satu seksi kantor.");
        }

        // An order goes to the Kabid, who assigns a Kasi as PPTK: the item then takes the PPTK's seksi.
        return active.Count == 0 || order ? (null, null) : (null, "Pilih seksi naskah ini: Anda tidak ditempatkan di seksi mana pun, dan langkah Kasi dan Kabid mengikuti seksi naskah.");
    }

    private async Task<(OrgSection? Own, IReadOnlyList<OrgSection> Active)> ReadAsync(Actor actor, CancellationToken cancellationToken)
    {
        var sections = await organization.ListSectionsAsync(cancellationToken);
        var active = sections.Where(s => s.Active && s.Kind == SectionKinds.Seksi).OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        var author = await users.GetAsync(actor.UserId, cancellationToken);
        return (active.FirstOrDefault(s => s.Id == author?.SectionId), active);
    }
}
