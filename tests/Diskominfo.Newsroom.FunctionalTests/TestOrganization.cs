using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The demo office's bidang and seksi, for a site without an Organization module: registered only when no real
/// <see cref="IOrganization"/> is (the Organization module makes the same sections in demo mode).
/// </summary>
internal sealed class TestOrganization : IOrganization
{
    public Task<IReadOnlyList<OrgSection>> ListSectionsAsync(CancellationToken cancellationToken)
        => Task.FromResult(DemoOrganization.Sections);

    public Task<IReadOnlyList<ActingPosition>> PositionsAsync(Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ActingPosition>>([]);

    public Task<Outcome<ActingPosition>> AuthorizeStepAsync(
        Actor actor, string role, Guid? itemSectionId, DateTimeOffset at, CancellationToken cancellationToken)
        => Task.FromResult(Outcome<ActingPosition>.From(Outcome.Forbidden("Tidak tersedia dalam uji.")));

    public Task<IReadOnlyList<DirectoryUser>> WhoMayActAsync(string role, Guid? itemSectionId, DateTimeOffset at, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<DirectoryUser>>([]);
}
