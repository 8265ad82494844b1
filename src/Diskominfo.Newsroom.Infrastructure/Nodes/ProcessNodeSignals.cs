using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Infrastructure.Nodes;

/// <summary>The signals of a single node: delivered in the process, to each subscriber in turn, as they are sent.</summary>
internal sealed partial class ProcessNodeSignals(ILogger<ProcessNodeSignals> logger) : INodeSignals
{
    private ImmutableList<(string Topic, Func<string, CancellationToken, Task> Handler)> _subscribers = [];

    public Task SendAsync(string topic, string payload, CancellationToken cancellationToken = default)
        => DeliverAsync(topic, payload, cancellationToken);

    public IDisposable Subscribe(string topic, Func<string, CancellationToken, Task> handler)
    {
        var entry = (topic, handler);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(entry));
        return new Subscription(() => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(entry)));
    }

    /// <summary>Hands a signal to this node's subscribers; one that fails is logged and does not keep it from the others.</summary>
    internal async Task DeliverAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        foreach (var (subscribed, handler) in _subscribers)
        {
            if (!string.Equals(subscribed, topic, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                await handler(payload, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHandlerFailed(logger, e, topic);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A handler of the node signal {Topic} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string topic);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
