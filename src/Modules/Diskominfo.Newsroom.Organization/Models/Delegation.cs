using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Organization.Models;

/// <summary>
/// An acting official (<c>organization_delegations</c>): the Kadis or an admin appoints someone Plh or Plt of a post (the
/// Kadis; the Kabid of a bidang; the Kasi of a seksi) for whole days in WIB, by a letter. A revoked appointment stays on
/// record with the time it was revoked.
/// </summary>
internal sealed class Delegation
{
    public const int ReferenceMaxLength = 100;

    /// <summary>The posts an acting official may be appointed to.</summary>
    public static readonly IReadOnlyList<string> Roles = [NewsroomRoles.Kadis, NewsroomRoles.Kabid, NewsroomRoles.Kasi];

    public Guid Id { get; set; }

    /// <summary><see cref="DelegationKinds.Plh"/> or <see cref="DelegationKinds.Plt"/>.</summary>
    public string Kind { get; set; } = DelegationKinds.Plh;

    /// <summary>One of <see cref="Roles"/>.</summary>
    public string Role { get; set; } = "";

    /// <summary>The bidang (for a Kabid) or seksi (for a Kasi) of the post; null for the Kadis.</summary>
    public Guid? ScopeId { get; set; }

    public string DelegateUserId { get; set; } = "";

    /// <summary>The delegate's name when appointed, as the letter names him.</summary>
    public string DelegateName { get; set; } = "";

    /// <summary>The first day in force (WIB).</summary>
    public DateOnly From { get; set; }

    /// <summary>The last day in force (WIB), included.</summary>
    public DateOnly To { get; set; }

    /// <summary>The appointment letter's number.</summary>
    public string Reference { get; set; } = "";

    public string CreatedById { get; set; } = "";

    public string CreatedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedById { get; set; }

    public string? RevokedByName { get; set; }

    public bool InForceOn(DateOnly day) => RevokedAt is null && From <= day && day <= To;

    /// <summary>Whether this unrevoked appointment holds the same post on any day of <paramref name="from"/>..<paramref name="to"/>.</summary>
    public bool Overlaps(string role, Guid? scopeId, DateOnly from, DateOnly to)
        => RevokedAt is null && Role == role && ScopeId == scopeId && From <= to && from <= To;

    /// <summary>
    /// How the appointment stands on <paramref name="day"/>: <c>revoked</c>, <c>upcoming</c>, <c>active</c> (in force) or <c>past</c>.
    /// </summary>
    public string StatusOn(DateOnly day) => RevokedAt is not null ? "revoked" : day < From ? "upcoming" : day > To ? "past" : "active";

    /// <summary>Revokes the appointment from now on; false when it already was.</summary>
    public bool Revoke(Actor actor, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = at;
        RevokedById = actor.UserId;
        RevokedByName = actor.DisplayName;
        return true;
    }

    public Dictionary<string, string?> AuditValues() => new()
    {
        ["kind"] = Kind,
        ["role"] = Role,
        ["scope"] = ScopeId?.ToString(),
        ["delegateUserId"] = DelegateUserId,
        ["delegateName"] = DelegateName,
        ["from"] = From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["reference"] = Reference,
        ["revokedAt"] = RevokedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };
}
