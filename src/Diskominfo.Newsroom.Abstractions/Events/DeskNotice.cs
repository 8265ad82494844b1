namespace Diskominfo.Newsroom.Abstractions.Events;

/// <summary>
/// Something on the desk that is not a content item (an invitation, a coverage assignment) now waits for people: every
/// user in <paramref name="UserIds"/>, and, when <paramref name="Role"/> is set, everyone who may act in that role for
/// seksi <paramref name="SectionId"/> at <paramref name="At"/> (holders and delegates in force). Each gets an inbox
/// line leading to <paramref name="Link"/> (a desk path) and, when SMTP is configured, an e-mail with
/// <paramref name="Subject"/>. <paramref name="ActorId"/>, who caused it, is not told. Handled in the caller's
/// transaction (Notifications module). <paramref name="Reason"/> is a short key of the raising module (for example
/// "activity-proposed").
/// </summary>
public sealed record DeskNotice(
    string Reason, string Subject, string Message, string Link, string ActorId, DateTimeOffset At,
    IReadOnlyCollection<string>? UserIds = null, string? Role = null, Guid? SectionId = null);
