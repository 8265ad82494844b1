namespace Diskominfo.Newsroom.Infrastructure.Nodes;

/// <summary>Topics of <see cref="INodeSignals"/> that the infrastructure itself sends.</summary>
public static class NodeTopics
{
    /// <summary>
    /// Sent to this node's subscribers only (payload empty) when its signals connection came back after being lost: signals
    /// sent meanwhile never arrived, so whoever keeps something in memory reads it again (evicts, re-polls).
    /// </summary>
    public const string CatchUp = "nodes.catch-up";
}
