namespace Diskominfo.Newsroom.Abstractions.Publishing;

public static class PublicationChannels
{
    public const string Website = "website";
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";
}

public static class PublicationStatuses
{
    public const string Pending = "pending";
    public const string Published = "published";
    public const string Failed = "failed";

    /// <summary>No credentials configured: the request that would have been sent was recorded, nothing was posted.</summary>
    public const string DryRun = "dry_run";
}
