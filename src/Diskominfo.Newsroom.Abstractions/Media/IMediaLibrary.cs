namespace Diskominfo.Newsroom.Abstractions.Media;

/// <summary>JPEG renditions the social channels need.</summary>
public enum SocialRendition
{
    /// <summary>Facebook photo: JPEG, longest edge at most 2048 px, well under 10 MB.</summary>
    Facebook,

    /// <summary>Instagram: JPEG 1080 px wide, aspect ratio within 4:5 .. 1.91:1, under 8 MiB.</summary>
    Instagram,
}

/// <summary>Stored photos and their renditions (Media module).</summary>
public interface IMediaLibrary
{
    /// <summary>The JPEG rendition's bytes, made once and cached; null when the media does not exist.</summary>
    Task<byte[]?> GetRenditionAsync(Guid mediaId, SocialRendition rendition, CancellationToken cancellationToken);
}

/// <summary>Where the Media module serves files; public once the item they belong to is published.</summary>
public static class MediaPaths
{
    public static string Original(Guid mediaId) => $"/media/{mediaId:N}";

    public static string Rendition(Guid mediaId, SocialRendition rendition)
        => $"/media/{mediaId:N}/{rendition.ToString().ToLowerInvariant()}.jpg";
}
