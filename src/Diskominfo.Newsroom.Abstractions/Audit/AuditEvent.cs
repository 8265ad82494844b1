namespace Diskominfo.Newsroom.Abstractions.Audit;

/// <summary>
/// Something the office's audit log keeps (Audit module): who (null for an unknown person, such as a failed sign-in
/// with an unknown user name; <paramref name="ActorName"/> then holds what was typed), what (<see cref="AuditActions"/>),
/// on what (<paramref name="TargetType"/>, <paramref name="TargetId"/>), a one-line summary in Indonesian, and the
/// values before and after. Values of keys that name a secret (token, password, secret, key, code) are masked by the
/// log, whatever the sender passes. The client address is taken from the current request when not given.
/// Publish it through <see cref="Events.IEventPublisher"/>: inside a transaction it commits with the change.
/// </summary>
public sealed record AuditEvent(
    string Action,
    string? ActorId,
    string? ActorName,
    string? TargetType,
    string? TargetId,
    string Summary,
    DateTimeOffset At,
    IReadOnlyDictionary<string, string?>? Before = null,
    IReadOnlyDictionary<string, string?>? After = null,
    string? Address = null);
