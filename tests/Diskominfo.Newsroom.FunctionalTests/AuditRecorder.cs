using System.Collections.Concurrent;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Keeps the audit events a site publishes, for tests that check what the log is told.</summary>
internal sealed class AuditRecorder : IEventHandler<AuditEvent>
{
    public ConcurrentQueue<AuditEvent> Events { get; } = new();

    public Task HandleAsync(AuditEvent @event, CancellationToken cancellationToken)
    {
        Events.Enqueue(@event);
        return Task.CompletedTask;
    }

    public Action<IServiceCollection> Register => services => services.AddSingleton<IEventHandler<AuditEvent>>(this);

    public IReadOnlyList<AuditEvent> Of(string action) => [.. Events.Where(e => e.Action == action)];
}
