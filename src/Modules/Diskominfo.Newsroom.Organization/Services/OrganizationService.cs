using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Organization.Data;
using Diskominfo.Newsroom.Organization.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// Who may act in which post, as the approval chain asks it: a person's own posts come from his roles and the section his
/// account is placed in, read from the Users module at each call (never from the sign-in's claims, which may be hours
/// old); his acting posts from the appointments in force on the WIB date of the moment asked about.
/// </summary>
internal sealed class OrganizationService(OrganizationDbContext db, OrgChart chart, IUserDirectory directory) : IOrganization
{
    public async Task<IReadOnlyList<OrgSection>> ListSectionsAsync(CancellationToken cancellationToken)
        => [.. (await chart.LoadAsync(cancellationToken)).Sections.Select(s => s.ToContract())];

    public async Task<IReadOnlyList<ActingPosition>> PositionsAsync(Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var user = await directory.GetAsync(actor.UserId, cancellationToken);
        if (user is null)
        {
            return []; // disabled or unknown: no post at all
        }

        var structure = await chart.LoadAsync(cancellationToken);
        var day = WibDates.Of(at);
        var delegations = await DelegationsOfAsync(user.Id, cancellationToken);
        return [.. OwnPositions(user, structure), .. delegations.Where(d => d.InForceOn(day)).Select(structure.DelegatedPosition)];
    }

    public async Task<Outcome<ActingPosition>> AuthorizeStepAsync(
        Actor actor, string role, Guid? itemSectionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var structure = await chart.LoadAsync(cancellationToken);
        var user = await directory.GetAsync(actor.UserId, cancellationToken);
        List<ActingPosition> own = user is null ? [] : OwnPositions(user, structure);
        if (own.FirstOrDefault(p => p.Covers(role, itemSectionId)) is { } held)
        {
            return Outcome<ActingPosition>.Ok(held);
        }

        var day = WibDates.Of(at);
        List<Delegation> delegations = user is null ? [] : await DelegationsOfAsync(user.Id, cancellationToken);
        var inForce = delegations.Where(d => d.InForceOn(day)).Select(structure.DelegatedPosition).ToList();
        if (inForce.FirstOrDefault(p => p.Covers(role, itemSectionId)) is { } acting)
        {
            return Outcome<ActingPosition>.Ok(acting);
        }

        return Outcome<ActingPosition>.From(Outcome.Forbidden(Refusal(role, itemSectionId, day, structure, own, inForce, delegations)));
    }

    public async Task<IReadOnlyList<DirectoryUser>> WhoMayActAsync(string role, Guid? itemSectionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var structure = await chart.LoadAsync(cancellationToken);
        var result = (await directory.ListInRoleAsync(role, cancellationToken))
            .Where(u => structure.OwnPosition(role, u.SectionId).Covers(role, itemSectionId))
            .ToList();

        var day = WibDates.Of(at);
        var delegates = (await db.Delegations.AsNoTracking().Where(d => d.Role == role && d.RevokedAt == null).ToListAsync(cancellationToken))
            .Where(d => d.InForceOn(day) && structure.DelegatedPosition(d).Covers(role, itemSectionId))
            .OrderBy(d => d.From);
        foreach (var delegation in delegates)
        {
            if (result.All(u => u.Id != delegation.DelegateUserId) && await directory.GetAsync(delegation.DelegateUserId, cancellationToken) is { } user)
            {
                result.Add(user);
            }
        }

        return result;
    }

    /// <summary>The posts of every role the account holds, in the office's order of roles.</summary>
    private static List<ActingPosition> OwnPositions(DirectoryUser user, Chart structure)
        => [.. (user.Roles ?? []).OrderBy(Rank).Select(r => structure.OwnPosition(r, user.SectionId))];

    private static int Rank(string role)
    {
        for (var i = 0; i < NewsroomRoles.All.Count; i++)
        {
            if (NewsroomRoles.All[i] == role)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private async Task<List<Delegation>> DelegationsOfAsync(string userId, CancellationToken cancellationToken)
        => [.. (await db.Delegations.AsNoTracking().Where(d => d.DelegateUserId == userId).ToListAsync(cancellationToken)).OrderBy(d => d.From)];

    /// <summary>
    /// Why the step is not the actor's, as precisely as the records allow: an appointment to this very post outside its
    /// dates, or revoked; the same role over another seksi or bidang; or neither the post nor an appointment to it.
    /// </summary>
    private static string Refusal(
        string role, Guid? itemSectionId, DateOnly day, Chart structure,
        IReadOnlyList<ActingPosition> own, IReadOnlyList<ActingPosition> inForce, IReadOnlyList<Delegation> delegations)
    {
        var forThisPost = delegations.Where(d => d.Role == role && structure.DelegatedPosition(d).Covers(role, itemSectionId)).ToList();
        var outOfDates = forThisPost.Where(d => d.RevokedAt is null).OrderBy(d => Math.Abs(Distance(d, day))).FirstOrDefault();
        if (outOfDates is not null)
        {
            return $"Penunjukan Anda sebagai {structure.DelegatedPosition(outOfDates).LegalForm} (surat {outOfDates.Reference}) berlaku "
                + $"{WibDates.Range(outOfDates.From, outOfDates.To)}; di luar masa itu Anda tidak dapat bertindak atas jabatan ini.";
        }

        var revoked = forThisPost.Where(d => d.RevokedAt is not null).MaxBy(d => d.RevokedAt);
        if (revoked is not null)
        {
            return $"Penunjukan Anda sebagai {structure.DelegatedPosition(revoked).LegalForm} (surat {revoked.Reference}) telah dicabut "
                + $"pada {IndonesianTime.Short(revoked.RevokedAt!.Value)}; Anda tidak lagi dapat bertindak atas jabatan ini.";
        }

        var post = structure.TitleForItem(role, itemSectionId);
        if (own.Concat(inForce).Any(p => p.Role == role))
        {
            return $"Naskah ini milik {Owner(role, itemSectionId, structure)}; langkah ini menunggu {post}.";
        }

        return $"Langkah ini menunggu {post}; Anda tidak memegang jabatan itu dan tidak ditunjuk sebagai Plh/Plt-nya.";
    }

    /// <summary>Days from <paramref name="day"/> to the appointment's period (0 within it).</summary>
    private static int Distance(Delegation d, DateOnly day)
        => day < d.From ? d.From.DayNumber - day.DayNumber : day > d.To ? day.DayNumber - d.To.DayNumber : 0;

    /// <summary>"Seksi Penyiaran", or "Seksi Penyiaran (Bidang ...)" when the Kabid's step is asked about.</summary>
    private static string Owner(string role, Guid? itemSectionId, Chart structure)
    {
        var section = structure.Find(itemSectionId);
        if (section is null)
        {
            return "bagian lain";
        }

        var bidang = structure.BidangOf(section.Id);
        return role == NewsroomRoles.Kabid && section.IsSeksi && bidang is not null ? $"{section.FullName} ({bidang.FullName})" : section.FullName;
    }
}
