using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Abstractions.Editorial;

/// <summary>Decides, from the approval chain, whether an actor may change an item now (Editorial module).</summary>
public interface IEditGate
{
    Task<Outcome> CanEditAsync(Guid itemId, Actor actor, CancellationToken cancellationToken);
}
