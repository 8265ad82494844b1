namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>The item was filed with its archive number and classification code.</summary>
public sealed record ItemArchived(Guid ItemId, string Number, string Classification, DateTimeOffset At);
