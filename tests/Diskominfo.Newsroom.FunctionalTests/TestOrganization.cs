using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The demo office's bidang and seksi (and one closed seksi), for a site without an Organization module: registered
/// only when no real <see cref="IOrganization"/> is.
/// </summary>
internal sealed class TestOrganization : IOrganization
{
    public static readonly Guid ClosedSeksi = new("6f1b2c3d-0000-4000-8000-0000000000ff");

    public Task<IReadOnlyList<OrgSection>> ListSectionsAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<OrgSection>>(
            [.. DemoOrganization.Sections, new(ClosedSeksi, SectionKinds.Seksi, "Seksi Lama", DemoOrganization.Bidang, false)]);

    public Task<IReadOnlyList<ActingPosition>> PositionsAsync(Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ActingPosition>>([]);

    public Task<Outcome<ActingPosition>> AuthorizeStepAsync(
        Actor actor, string role, Guid? itemSectionId, DateTimeOffset at, CancellationToken cancellationToken)
        => Task.FromResult(Outcome<ActingPosition>.From(Outcome.Forbidden("Tidak tersedia dalam uji.")));

    public Task<IReadOnlyList<DirectoryUser>> WhoMayActAsync(string role, Guid? itemSectionId, DateTimeOffset at, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<DirectoryUser>>([]);
}
