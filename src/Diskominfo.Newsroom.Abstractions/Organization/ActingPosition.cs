namespace Diskominfo.Newsroom.Abstractions.Organization;

/// <summary>
/// A post someone may act in at a given time: as its holder, or as Plh/Plt by a delegation.
/// <paramref name="Title"/> is the post's full title ("Kepala Seksi Penyiaran", "Kepala Dinas Komunikasi dan Informatika").
/// <paramref name="Sections"/> are the seksi ids whose items the post acts on (a Kasi: his seksi; a Kabid: the seksi of
/// his bidang); null means every item of the office (the Kadis). Items that belong to no seksi (made before the office's
/// structure was set up) may be acted on by anyone in the role.
/// </summary>
public sealed record ActingPosition(
    string Role,
    string Title,
    IReadOnlySet<Guid>? Sections,
    string? DelegationKind = null,
    string? Reference = null,
    Guid? DelegationId = null)
{
    public bool IsDelegated => DelegationKind is not null;

    /// <summary>The legal form written in the trail: "Plh. Kepala Dinas Komunikasi dan Informatika", or the holder's title.</summary>
    public string LegalForm => DelegationKind is null ? Title : $"{DelegationKinds.Prefix(DelegationKind)} {Title}";

    /// <summary>Whether this post takes the step of <paramref name="role"/> on an item of seksi <paramref name="itemSectionId"/>.</summary>
    public bool Covers(string role, Guid? itemSectionId)
        => Role == role && (itemSectionId is null || Sections is null || Sections.Contains(itemSectionId.Value));
}
