namespace Diskominfo.Newsroom.Publishing.Models;

/// <summary>
/// A social channel as the admin connected it: the Page or account id, the token encrypted with ASP.NET Core Data
/// Protection (never shown back, only its last four characters), when the token expires, and whether it still works.
/// </summary>
internal sealed class ChannelConnection
{
    /// <summary><c>facebook</c> or <c>instagram</c>.</summary>
    public string Channel { get; set; } = "";

    public string TargetId { get; set; } = "";

    public string ProtectedToken { get; set; } = "";

    public string TokenHint { get; set; } = "";

    public string GraphBaseUrl { get; set; } = "";

    /// <summary>Null: Meta said the token does not expire (or it was not checked yet).</summary>
    public DateTimeOffset? TokenExpiresAt { get; set; }

    public string Status { get; set; } = ChannelStatuses.Connected;

    /// <summary>Why it is disconnected, or the last check's finding, in Indonesian.</summary>
    public string? StatusNote { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>What the account is called on Meta (the Page's name, the Instagram username), from the last check.</summary>
    public string? AccountName { get; set; }

    /// <summary>Meta rate-limited the channel: no call before this time (calls while blocked extend the block).</summary>
    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>The admins were told the token expires soon (once per token).</summary>
    public DateTimeOffset? ExpiryWarnedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}

internal static class ChannelStatuses
{
    public const string Connected = "connected";
    public const string Disconnected = "disconnected";

    public static string Label(string status) => status switch
    {
        Connected => "Tersambung",
        Disconnected => "Terputus",
        _ => status,
    };
}
