namespace Diskominfo.Newsroom.Abstractions.Media;

/// <summary>The Media module's rate-limiting policy, for every page or endpoint that takes files.</summary>
public static class MediaRateLimits
{
    /// <summary>
    /// Uploads (photos, scans, a clipping batch) per client address (<c>Newsroom:RateLimits:Upload</c>, 300 per 600 s
    /// by default); only sending counts, not opening the form.
    /// </summary>
    public const string Upload = "media.upload";
}
