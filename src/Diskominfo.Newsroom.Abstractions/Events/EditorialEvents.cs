namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>An action of the approval chain moved the item to another status (submitted, initialled, returned, rejected, signed...).</summary>
public sealed record ItemStatusChanged(Guid ItemId, string Status, DateTimeOffset At);

/// <summary>The item was submitted to the approval chain; its version must no longer change in place.</summary>
public sealed record ItemSubmitted(Guid ItemId, Guid VersionId, DateTimeOffset At);

/// <summary>
/// The last approver (the Kadis) signed the item: it may now be published, at <paramref name="PublishAt"/> if set.
/// A signed correction (ralat) of a published item carries its reason in <paramref name="CorrectionNote"/>.
/// </summary>
public sealed record ItemSigned(
    Guid ItemId, string ContentType, Guid VersionId, string ContentHash, string SignedBy, DateTimeOffset At, DateTimeOffset? PublishAt = null,
    string? CorrectionNote = null)
{
    public bool IsCorrection => CorrectionNote is not null;
}

/// <summary>
/// An item now waits for someone: for every user in <paramref name="Role"/> (its step in the chain), or for the
/// user <paramref name="UserId"/> (the writer, when it came back with a note). <paramref name="Reason"/> is one of
/// <see cref="AwaitingReasons"/>. A role's step goes to the posts covering the item's seksi <paramref name="SectionId"/>
/// (see <see cref="Organization.IOrganization.WhoMayActAsync"/>), never to <paramref name="Excluded"/>: the item's writers and
/// those who already took a step of it, who may not take another.
/// </summary>
public sealed record ItemAwaiting(
    Guid ItemId, string? Role, string? UserId, string Reason, string ActorId, string ActorName, string? Note, DateTimeOffset At,
    Guid? SectionId = null, IReadOnlyCollection<string>? Excluded = null);

public static class AwaitingReasons
{
    public const string Submitted = "submitted";
    public const string Passed = "passed";
    public const string Returned = "returned";
    public const string Invalidated = "invalidated";
    public const string Ordered = "ordered";
    public const string Assigned = "assigned";
}
