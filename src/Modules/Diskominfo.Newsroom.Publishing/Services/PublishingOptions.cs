namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>Settings under <c>Newsroom</c>: the public address and the social channels.</summary>
public sealed class PublishingOptions
{
    public const string DefaultGraphBaseUrl = "https://graph.facebook.com/v24.0";

    /// <summary>The website's public address; links in social posts and Instagram's image URLs are built from it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The Graph API's address with its version; each connection may name another (a newer version).</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    /// <summary>How long one Graph API call may take before its outcome counts as unknown (checked before retrying).</summary>
    public TimeSpan GraphTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Credentials from configuration: copied once, encrypted, into the channel's connection when the admin has not
    /// connected it in the admin UI. From then on the admin UI is where the channel is managed.
    /// </summary>
    public ChannelCredentials Facebook { get; set; } = new();

    public ChannelCredentials Instagram { get; set; } = new();

    /// <summary>Run the job server in this process (off for a node that only serves pages).</summary>
    public bool RunJobServer { get; set; } = true;

    /// <summary>Workers for social (and, when free, website) jobs: they mostly wait on Meta, so many per core.</summary>
    public int JobWorkers { get; set; } = Math.Max(20, Environment.ProcessorCount * 5);

    /// <summary>Workers that serve only the website's queue.</summary>
    public int WebsiteJobWorkers { get; set; } = 2;

    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a job holds a publication before another job may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// This node's name on the leases it takes (<c>Newsroom:NodeId</c>); empty: the machine's name and a hash of the data
    /// folder, the same across restarts. At start-up a node frees its own leases (left by a crash) instead of waiting for them.
    /// </summary>
    public string? NodeId { get; set; }

    /// <summary>The wait after the first lookup at Meta that did not answer; it doubles with each further one, up to <see cref="LookupBackoffMax"/>.</summary>
    public TimeSpan LookupBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LookupBackoffMax { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one job waits for an Instagram container to be ready before rescheduling.</summary>
    public TimeSpan ContainerWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The first wait between two looks at an Instagram container; each later wait doubles it (0.5, 1, 2, 4, 8 s...), so a
    /// photo that is ready within a second goes out at once, and a slow one is looked at only a handful of times before
    /// the job steps back and looks again each minute, as Meta asks.
    /// </summary>
    public TimeSpan ContainerPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>What a channel needs to call the Graph API.</summary>
public sealed class ChannelCredentials
{
    /// <summary>Page id (Facebook) or Instagram professional account id.</summary>
    public string? PageId { get; set; }

    public string? AccountId { get; set; }

    public string? AccessToken { get; set; }

    public string? GraphBaseUrl { get; set; }

    public string? TargetId => string.IsNullOrWhiteSpace(PageId) ? AccountId : PageId;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TargetId) && !string.IsNullOrWhiteSpace(AccessToken);
}
