using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Publishing;

namespace Diskominfo.Newsroom.Editorial.Settings;

/// <summary>The checks of the checklist before submission and signature, by the codes the API reports them with.</summary>
internal static class ChecklistChecks
{
    /// <summary>A lead photo (the item's first image) is attached.</summary>
    public const string LeadPhoto = "lead_photo";

    /// <summary>The lead photo has a caption.</summary>
    public const string PhotoCaption = "photo_caption";

    /// <summary>The lead photo credits its photographer.</summary>
    public const string PhotoCredit = "photo_credit";

    /// <summary>A news category (jenis berita) is chosen.</summary>
    public const string Category = "category";

    /// <summary>Title and lead fit the channel (the website's fields, a Facebook post, Instagram's caption with link and hashtag).</summary>
    public const string TextLength = "text_length";

    /// <summary>Instagram only: the lead photo's Instagram crop (4:5 to 1.91:1) keeps enough of the photo.</summary>
    public const string InstagramCrop = "instagram_crop";

    /// <summary>The video link, when there is one, is a complete https address.</summary>
    public const string VideoLink = "video_link";

    public const int DefaultMinCropPercent = 60;

    public static IReadOnlyList<string> All { get; } = [LeadPhoto, PhotoCaption, PhotoCredit, Category, TextLength, InstagramCrop, VideoLink];

    /// <summary>The channels a checklist is kept for.</summary>
    public static IReadOnlyList<string> Channels { get; } = [PublicationChannels.Website, PublicationChannels.Facebook, PublicationChannels.Instagram];

    /// <summary>The checks that make sense on a channel (the crop only on Instagram).</summary>
    public static IReadOnlyList<string> For(string channel) => channel == PublicationChannels.Instagram ? All : [.. All.Where(c => c != InstagramCrop)];

    /// <summary>
    /// Until an admin changes them: what each channel would refuse or cut (Instagram posts only with an image, within its
    /// aspect ratios and caption length) and what the SOP asks of a news item (category, photo caption and credit on the
    /// social channels, a working video link on the website).
    /// </summary>
    public static IReadOnlyList<string> Defaults(string contentType, string channel)
        => contentType == ContentTypes.Clipping
            ? []
            : channel switch
            {
                PublicationChannels.Instagram => [LeadPhoto, PhotoCaption, PhotoCredit, Category, TextLength, InstagramCrop],
                PublicationChannels.Facebook => [Category, TextLength],
                _ => [Category, TextLength, VideoLink],
            };

    public static string Label(string check) => check switch
    {
        LeadPhoto => "Foto utama ada",
        PhotoCaption => "Foto utama berketerangan",
        PhotoCredit => "Foto utama mencantumkan kredit fotografer",
        Category => "Jenis berita dipilih",
        TextLength => "Judul dan teras dalam batas kanal",
        InstagramCrop => "Potongan Instagram dapat diterima (rasio 4:5 sampai 1,91:1)",
        VideoLink => "Tautan video berupa alamat https yang lengkap",
        _ => check,
    };
}
