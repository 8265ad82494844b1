namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// An invitation as typed in the form or sent to the API (multipart), before it is checked. Times are WIB unless they
/// carry an offset (<c>2026-12-01T09:00</c> or <c>2026-12-01T09:00+07:00</c>); dates are <c>yyyy-MM-dd</c>.
/// </summary>
internal sealed record RegisterActivityInput(
    string? Title, string? Organizer, string? Place, string? Start, string? End, string? Contact, string? LetterNumber, string? LetterDate,
    string? SectionId, string? ReceivedAt, byte[]? Letter, string? LetterFileName);
