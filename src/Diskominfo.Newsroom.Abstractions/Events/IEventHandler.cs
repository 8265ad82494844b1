namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>
/// Reacts to an event raised by another module. Handlers run inside the transaction of the change
/// that raised the event, so what they write commits or rolls back with it.
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : class
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}
