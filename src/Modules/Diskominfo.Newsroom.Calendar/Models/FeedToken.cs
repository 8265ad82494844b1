namespace Diskominfo.Newsroom.Calendar.Models;

/// <summary>
/// A person's secret address for the iCalendar feed (<c>/kalender/{token}.ics</c>). Only the token's SHA-256 is kept;
/// the token itself is shown once when made. Revoked tokens stay as a record and answer 404.
/// </summary>
internal sealed class FeedToken
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The token's last four characters, so the person can tell addresses apart.</summary>
    public string Hint { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
