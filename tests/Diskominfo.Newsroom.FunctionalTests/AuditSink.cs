using System.Collections.Concurrent;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Keeps every audit event the site publishes, beside the Audit module's own handler.</summary>
internal sealed class AuditSink
{
    public ConcurrentQueue<AuditEvent> Events { get; } = new();

    public IReadOnlyList<AuditEvent> Of(string action) => [.. Events.Where(e => e.Action == action)];

    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddScoped<IEventHandler<AuditEvent>, Handler>();
    }

    private sealed class Handler(AuditSink sink) : IEventHandler<AuditEvent>
    {
        public Task HandleAsync(AuditEvent @event, CancellationToken cancellationToken)
        {
            sink.Events.Enqueue(@event);
            return Task.CompletedTask;
        }
    }
}
