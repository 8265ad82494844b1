namespace Diskominfo.Newsroom.Abstractions.Publishing;

public static class PublicationChannels
{
    public const string Website = "website";
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";

    public static string Label(string channel) => channel switch
    {
        Website => "Situs web",
        Facebook => "Facebook",
        Instagram => "Instagram",
        _ => channel,
    };
}

public static class PublicationStatuses
{
    public const string Pending = "pending";
    public const string Published = "published";
    public const string Failed = "failed";

    /// <summary>No credentials configured: the request that would have been sent was recorded, nothing was posted.</summary>
    public const string DryRun = "dry_run";

    /// <summary>The channel cannot do what was asked (an Instagram caption cannot be corrected); the record says why.</summary>
    public const string NotSupported = "not_supported";

    /// <summary>The channel is disconnected (token expired or revoked): the publication waits for an admin to reconnect it, attempts untouched.</summary>
    public const string Held = "held";

    /// <summary>An operator decided it should not go out; the attempts stay on record.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>
    /// A post may have been made (timeout, Meta's 5xx or code 1/2, a crash mid-call) and no lookup has answered yet:
    /// nothing is sent again until Meta's own records say whether the post exists. Never turns into failed by itself.
    /// </summary>
    public const string Unknown = "unknown";

    /// <summary>Still to do: pending, waiting for Meta to say whether a post exists, or held until the channel is reconnected.</summary>
    public static bool IsOpen(string status) => status is Pending or Held or Unknown;

    public static string Label(string status) => status switch
    {
        Pending => "Menunggu",
        Published => "Terbit",
        Failed => "Gagal",
        DryRun => "Uji coba: tidak dikirim (belum ada kredensial)",
        NotSupported => "Tidak dapat dilakukan di kanal ini",
        Held => "Ditahan: kanal terputus",
        Cancelled => "Dibatalkan",
        Unknown => "Menunggu kepastian dari Meta",
        _ => status,
    };
}
