namespace Diskominfo.Newsroom.Notifications.Services;

/// <summary>Section <c>Newsroom:Smtp</c>. Without a host, notifications stay in the in-app inbox only.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>"auto" (STARTTLS when offered), "starttls", "ssl" or "none".</summary>
    public string Security { get; set; } = "auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "newsroom@diskominfo.local";

    public string FromName { get; set; } = "Newsroom Diskominfo";

    /// <summary>
    /// The desk's public address, for links in the e-mails; by default the site's public address
    /// (<c>Newsroom:PublicBaseUrl</c>), never the address a request came in on.
    /// </summary>
    public string DeskBaseUrl { get; set; } = "";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
