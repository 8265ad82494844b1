using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Organization.Models;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// The office's structure as read once (see <see cref="OrgChart"/>), and the posts it defines: the Kadis over everything,
/// the Kabid of a bidang over its seksi, the Kasi of a seksi over that seksi.
/// </summary>
internal sealed class Chart
{
    private readonly Dictionary<Guid, Section> _byId;

    public Chart(IReadOnlyList<Section> sections, string kadisTitle)
    {
        Sections = sections;
        KadisTitle = kadisTitle;
        _byId = sections.ToDictionary(s => s.Id);
    }

    /// <summary>Every bidang and seksi, active or not, by name.</summary>
    public IReadOnlyList<Section> Sections { get; }

    public string KadisTitle { get; }

    public Section? Find(Guid? id) => id is { } key && _byId.TryGetValue(key, out var section) ? section : null;

    public IEnumerable<Section> SeksiOf(Guid bidangId) => Sections.Where(s => s.IsSeksi && s.ParentId == bidangId);

    /// <summary>The bidang a section belongs to: itself for a bidang, its parent for a seksi.</summary>
    public Section? BidangOf(Guid? sectionId)
        => Find(sectionId) switch
        {
            null => null,
            { IsBidang: true } bidang => bidang,
            var seksi => Find(seksi.ParentId) is { IsBidang: true } parent ? parent : null,
        };

    /// <summary>
    /// The bidang or seksi of the post someone placed in <paramref name="placedIn"/> holds in <paramref name="role"/>:
    /// a Kasi's seksi; a Kabid's bidang (the bidang of his seksi if he is placed in one); none for other roles.
    /// </summary>
    public Guid? ScopeOf(string role, Guid? placedIn) => role switch
    {
        NewsroomRoles.Kabid => BidangOf(placedIn)?.Id,
        NewsroomRoles.Kasi => Find(placedIn) is { IsSeksi: true } seksi ? seksi.Id : null,
        _ => null,
    };

    /// <summary>The full title of a post: "Kepala Seksi Penyiaran", "Kepala Bidang ...", the Kadis's title, or the role's.</summary>
    public string Title(string role, Guid? scopeId) => role switch
    {
        NewsroomRoles.Kadis => KadisTitle,
        NewsroomRoles.Kabid when Find(scopeId) is { IsBidang: true } bidang => $"Kepala Bidang {bidang.Name}",
        NewsroomRoles.Kasi when Find(scopeId) is { IsSeksi: true } seksi => $"Kepala Seksi {seksi.Name}",
        _ => NewsroomRoles.Title(role),
    };

    /// <summary>
    /// The sections whose items a post acts on: a Kasi his seksi; a Kabid his bidang and all its seksi (active or not, so
    /// that items in flight keep their approver); null (all) for the Kadis and the other roles. A Kasi or Kabid without a
    /// section covers only the items that belong to none: the empty set.
    /// </summary>
    public IReadOnlySet<Guid>? Coverage(string role, Guid? scopeId) => role switch
    {
        NewsroomRoles.Kabid when Find(scopeId) is { IsBidang: true } bidang => new HashSet<Guid>([bidang.Id, .. SeksiOf(bidang.Id).Select(s => s.Id)]),
        NewsroomRoles.Kasi when Find(scopeId) is { IsSeksi: true } seksi => new HashSet<Guid> { seksi.Id },
        NewsroomRoles.Kabid or NewsroomRoles.Kasi => new HashSet<Guid>(),
        _ => null,
    };

    /// <summary>The post a person placed in <paramref name="placedIn"/> holds by his role.</summary>
    public ActingPosition OwnPosition(string role, Guid? placedIn)
    {
        var scope = ScopeOf(role, placedIn);
        return new ActingPosition(role, Title(role, scope), Coverage(role, scope));
    }

    /// <summary>The post an appointment makes its delegate act in.</summary>
    public ActingPosition DelegatedPosition(Delegation delegation)
        => new(delegation.Role, Title(delegation.Role, delegation.ScopeId), Coverage(delegation.Role, delegation.ScopeId),
            delegation.Kind, delegation.Reference, delegation.Id);

    /// <summary>The title of the post that takes the step of <paramref name="role"/> on an item of <paramref name="itemSectionId"/>.</summary>
    public string TitleForItem(string role, Guid? itemSectionId) => role switch
    {
        NewsroomRoles.Kabid => Title(role, BidangOf(itemSectionId)?.Id),
        NewsroomRoles.Kasi => Title(role, itemSectionId),
        _ => Title(role, null),
    };
}
