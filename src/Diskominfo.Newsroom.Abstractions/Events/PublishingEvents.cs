namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>One channel's publication reached its end (published, dry run, or failed for good).</summary>
public sealed record PublicationFinished(Guid ItemId, string Channel, string Status, string? Url, DateTimeOffset At);

/// <summary>Every publication of the item is finished: the item can be archived.</summary>
public sealed record ItemPublicationsCompleted(Guid ItemId, string ContentType, DateTimeOffset At);

/// <summary>
/// A social channel needs an admin: its token expired or was revoked (publications wait, held), or it will expire soon.
/// <paramref name="Link"/> is the desk page where it is fixed.
/// </summary>
public sealed record ChannelAttentionNeeded(string Channel, string Message, string Link, DateTimeOffset At);

/// <summary>
/// A signed item's publications were moved to <paramref name="PublishAt"/> by <paramref name="Actor"/> outside the
/// approval chain (the calendar): the chain records it as the item's publish-later time, with who moved it.
/// </summary>
public sealed record PublicationRescheduled(Guid ItemId, DateTimeOffset PublishAt, Security.Actor Actor, DateTimeOffset At);
