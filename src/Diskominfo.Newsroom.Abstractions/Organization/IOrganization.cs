using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Organization;

/// <summary>
/// The office's structure (bidang and seksi) and its acting officials (Plh/Plt), as the approval chain needs them
/// (Organization module). A step of an item goes to the post that covers the item's seksi: the Kasi of that seksi,
/// the Kabid of its bidang, the Kadis; or to whoever acts for them by a delegation in force.
/// </summary>
public interface IOrganization
{
    /// <summary>Every bidang and seksi, active or not.</summary>
    Task<IReadOnlyList<OrgSection>> ListSectionsAsync(CancellationToken cancellationToken);

    /// <summary>Every post the actor may act in at <paramref name="at"/>: his own, then his delegations in force.</summary>
    Task<IReadOnlyList<ActingPosition>> PositionsAsync(Actor actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The post in which the actor takes the step of <paramref name="role"/> on an item of seksi
    /// <paramref name="itemSectionId"/> at <paramref name="at"/> (his own before a delegation), or a refusal with the
    /// reason in Indonesian (another seksi's item; a delegation not yet or no longer in force; not in the role).
    /// </summary>
    Task<Outcome<ActingPosition>> AuthorizeStepAsync(
        Actor actor, string role, Guid? itemSectionId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The active accounts that may take that step at <paramref name="at"/>: holders and delegates in force.</summary>
    Task<IReadOnlyList<DirectoryUser>> WhoMayActAsync(
        string role, Guid? itemSectionId, DateTimeOffset at, CancellationToken cancellationToken);
}
