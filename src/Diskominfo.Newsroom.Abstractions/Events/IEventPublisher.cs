namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>Delivers an event to every handler, inside the caller's current transaction.</summary>
public interface IEventPublisher
{
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken)
        where TEvent : class;
}
