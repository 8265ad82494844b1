namespace Diskominfo.Newsroom.Abstractions.Editorial;

/// <summary>Reads the state and the history of items in the approval chain (Editorial module).</summary>
public interface IWorkflowQuery
{
    Task<WorkflowView?> GetAsync(Guid itemId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, string>> GetStatusesAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);
}

public sealed record WorkflowView(Guid ItemId, string Status, string? AwaitingRole, IReadOnlyList<HistoryEntryView> History);

public sealed record HistoryEntryView(
    int Sequence, string Step, string Action, string Actor, string ActorName, string? Role, DateTimeOffset At, string? Note, string? ContentHash);
