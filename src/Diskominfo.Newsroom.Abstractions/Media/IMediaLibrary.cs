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

/// <summary>
/// Where the Media module serves files. Originals are for staff only (they may carry the photographer's position);
/// readers get renditions, stripped of everything but the copyright and the photographer's name.
/// </summary>
public static class MediaPaths
{
    /// <summary>Widths of the article image for <c>srcset</c>; never enlarged beyond the original.</summary>
    public static readonly IReadOnlyList<int> ArticleWidths = [480, 800, 1200];

    public const string Thumbnail = "kecil";

    /// <summary>1200 x 630, for OpenGraph and Twitter cards.</summary>
    public const string Share = "bagikan";

    public static string Original(Guid mediaId) => $"/media/{mediaId:N}";

    /// <summary>
    /// The data folder's sub-folder (segments) where unfinished resumable uploads wait; short-lived, so left out of backups.
    /// </summary>
    public static readonly IReadOnlyList<string> PartialUploadsFolder = ["uploads", "partial"];

    /// <summary>The desk page where the photo's focal point is set.</summary>
    public static string FocusPage(Guid mediaId) => $"/admin/media/{mediaId}/fokus";

    public static string Rendition(Guid mediaId, SocialRendition rendition)
        => $"/media/{mediaId:N}/{rendition.ToString().ToLowerInvariant()}.jpg";

    /// <summary>A public rendition: <paramref name="kind"/> is <see cref="Thumbnail"/>, <see cref="Share"/> or <c>w</c> + a width of <see cref="ArticleWidths"/>.</summary>
    public static string Photo(Guid mediaId, string kind, string format = "jpg") => $"/media/{mediaId:N}/{kind}.{format}";

    public static string Width(Guid mediaId, int width, string format = "jpg") => Photo(mediaId, $"w{width}", format);

    /// <summary>
    /// A landscape crop (3:2) around the focal point at one of <see cref="ArticleWidths"/>, whatever the original's
    /// orientation: for headlines, where a portrait photo would push the news below the fold.
    /// </summary>
    public static string Landscape(Guid mediaId, int width, string format = "jpg") => Photo(mediaId, $"l{width}", format);

    /// <summary>The landscape crop's height at <paramref name="width"/>.</summary>
    public static int LandscapeHeight(int width) => width * 2 / 3;

    /// <summary>The <c>srcset</c> of the landscape crops in one format.</summary>
    public static string LandscapeSrcSet(Guid mediaId, string format)
        => string.Join(", ", ArticleWidths.Select(w => $"{Landscape(mediaId, w, format)} {w}w"));

    /// <summary>The <c>srcset</c> of an article image in one format, limited to widths the original can give.</summary>
    public static string SrcSet(Guid mediaId, int originalWidth, string format)
    {
        // A 1000 px original gives 480, 800 and 1000 (from the 1200 rendition, not enlarged); a small one gives itself once.
        var widths = ArticleWidths.Select(w => (Kind: w, Actual: Math.Min(w, originalWidth))).DistinctBy(w => w.Actual);
        return string.Join(", ", widths.Select(w => $"{Width(mediaId, w.Kind, format)} {w.Actual}w"));
    }
}

/// <summary>The site's logo from an upload: checked by content like any photo, made 96 px high, metadata dropped (Media module).</summary>
public interface ILogoMaker
{
    /// <summary>A PNG (transparency kept), or the reason the file was refused, in Indonesian.</summary>
    Results.Outcome<byte[]> MakeLogo(byte[] upload);
}
