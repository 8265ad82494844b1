namespace Diskominfo.Newsroom.Abstractions.Publishing;

/// <summary>
/// What each channel accepts, as the editorial checklist checks it before submission and signature (see graph-api.md:
/// Instagram's caption and aspect ratio; Facebook's post length). The Publishing module's captions keep within the same figures.
/// </summary>
public static class ChannelLimits
{
    /// <summary>Instagram refuses a caption longer than this (code 36004).</summary>
    public const int InstagramCaptionMaxLength = 2200;

    /// <summary>A Facebook post's text.</summary>
    public const int FacebookMessageMaxLength = 63206;

    /// <summary>The website's headline and lead, as the desk stores them.</summary>
    public const int WebsiteTitleMaxLength = 200;

    public const int WebsiteLeadMaxLength = 1000;

    /// <summary>Instagram's narrowest accepted aspect ratio (width / height): 4:5.</summary>
    public const double InstagramMinAspect = 0.8;

    /// <summary>Instagram's widest accepted aspect ratio: 1.91:1.</summary>
    public const double InstagramMaxAspect = 1.91;

    /// <summary>The formats the Instagram rendition is made in (1080 px wide): portrait 4:5, square, landscape 1.91:1.</summary>
    public static IReadOnlyList<(int Width, int Height)> InstagramFormats { get; } = [(1080, 1350), (1080, 1080), (1080, 566)];

    /// <summary>The Instagram format nearest to a photo's upright shape (compared on a log scale), as the Media module crops it.</summary>
    public static (int Width, int Height) InstagramFormat(int width, int height)
    {
        var aspect = Math.Log((double)width / height);
        return InstagramFormats.MinBy(f => Math.Abs(Math.Log((double)f.Width / f.Height) - aspect));
    }

    /// <summary>The share of the upright photo (0..1) that stays in its Instagram crop.</summary>
    public static double InstagramCropShare(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var photo = (double)width / height;
        var (w, h) = InstagramFormat(width, height);
        var format = (double)w / h;
        return Math.Min(photo, format) / Math.Max(photo, format);
    }

    /// <summary>
    /// The text the default social caption is built from (title, lead, the article's address and the category's hashtag),
    /// measured with a long sample address: what must fit Instagram's caption for it not to be cut.
    /// </summary>
    public static int SocialTextLength(string title, string? lead, string? category)
        => title.Length + (string.IsNullOrWhiteSpace(lead) ? 0 : 2 + lead.Length)
           + "\n\nBerita lengkap: ".Length + SampleArticleUrl.Length
           + (string.IsNullOrWhiteSpace(category) ? 0 : 3 + category.Length);

    /// <summary>A long article address, to measure a caption before the article has one.</summary>
    public const string SampleArticleUrl = "https://contoh.go.id/berita/judul-berita-yang-cukup-panjang";
}
