using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Editorial.Settings;

namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>The checks in force for one channel an item goes to.</summary>
internal sealed record ChannelChecks(string Channel, IReadOnlyCollection<string> Checks, int MinCropPercent = ChecklistChecks.DefaultMinCropPercent);

/// <summary>
/// The checklist before submission and signature: each channel's checks applied to the item's current version. The same
/// lack needed by several channels is reported once, naming them all.
/// </summary>
internal static class Checklist
{
    private static readonly CultureInfo Indonesian = Abstractions.Text.IndonesianTime.Culture;

    public static IReadOnlyList<ChecklistMissing> Evaluate(ContentSnapshot content, IEnumerable<ChannelChecks> channels)
    {
        var found = new List<(string Code, string Message, string Channel)>();
        foreach (var channel in channels)
        {
            foreach (var code in ChecklistChecks.All.Where(channel.Checks.Contains))
            {
                if (Check(content, channel, code) is { } message)
                {
                    found.Add((code, message, channel.Channel));
                }
            }
        }

        return [.. found.GroupBy(f => (f.Code, f.Message))
            .Select(g => new ChecklistMissing(g.Key.Code, g.Key.Message, [.. g.Select(f => f.Channel).Distinct()]))];
    }

    /// <summary>The lead photo: the item's first image (documents do not count).</summary>
    public static PhotoRef? LeadPhoto(ContentSnapshot content) => content.Photos.FirstOrDefault(p => p.IsImage);

    private static string? Check(ContentSnapshot content, ChannelChecks channel, string code)
    {
        var photo = LeadPhoto(content);
        var label = PublicationChannels.Label(channel.Channel);
        switch (code)
        {
            case ChecklistChecks.LeadPhoto when photo is null:
                return "Foto utama belum ada; unggah paling sedikit satu foto.";
            case ChecklistChecks.PhotoCaption when photo is not null && string.IsNullOrWhiteSpace(photo.Caption):
                return "Foto utama belum berketerangan; isi keterangan fotonya.";
            case ChecklistChecks.PhotoCredit when photo is not null && string.IsNullOrWhiteSpace(photo.Credit):
                return "Foto utama belum mencantumkan kredit (nama fotografer).";
            case ChecklistChecks.Category when string.IsNullOrWhiteSpace(content.Category):
                return "Jenis berita belum dipilih.";
            case ChecklistChecks.TextLength:
                return TextLength(content, channel.Channel, label);
            case ChecklistChecks.InstagramCrop when photo is not null && channel.Channel == PublicationChannels.Instagram:
                return Crop(photo, channel.MinCropPercent);
            case ChecklistChecks.VideoLink when !string.IsNullOrWhiteSpace(content.VideoUrl) && !IsVideoLink(content.VideoUrl):
                return "Tautan video harus berupa alamat https yang lengkap (misalnya https://www.youtube.com/watch?v=...).";
            default:
                return null;
        }
    }

    private static string? TextLength(ContentSnapshot content, string channel, string label)
    {
        switch (channel)
        {
            case PublicationChannels.Instagram:
            case PublicationChannels.Facebook:
                var max = channel == PublicationChannels.Instagram ? ChannelLimits.InstagramCaptionMaxLength : ChannelLimits.FacebookMessageMaxLength;
                var length = ChannelLimits.SocialTextLength(content.Title, content.Lead, content.Category);
                return length > max
                    ? $"Judul dan teras terlalu panjang untuk {label}: {Number(length)} dari paling banyak {Number(max)} karakter (termasuk tautan berita dan tagar). Persingkat judul atau teras."
                    : null;
            default:
                if (content.Title.Length > ChannelLimits.WebsiteTitleMaxLength)
                {
                    return $"Judul paling panjang {Number(ChannelLimits.WebsiteTitleMaxLength)} karakter untuk {label}; kini {Number(content.Title.Length)}.";
                }

                return content.Lead?.Length > ChannelLimits.WebsiteLeadMaxLength
                    ? $"Teras paling panjang {Number(ChannelLimits.WebsiteLeadMaxLength)} karakter untuk {label}; kini {Number(content.Lead.Length)}."
                    : null;
        }
    }

    private static string? Crop(PhotoRef photo, int minPercent)
    {
        var share = ChannelLimits.InstagramCropShare(photo.Width, photo.Height);
        if (share * 100 >= minPercent)
        {
            return null;
        }

        var (w, h) = ChannelLimits.InstagramFormat(photo.Width, photo.Height);
        var kept = (int)Math.Floor(share * 100);
        return $"Foto utama ({photo.Width}×{photo.Height} piksel) terlalu {(photo.Width > photo.Height ? "lebar" : "tinggi")} untuk Instagram: "
               + $"potongan {w}×{h} hanya menyisakan {kept}% foto, kurang dari {minPercent}%. Instagram menerima rasio 4:5 sampai 1,91:1; "
               + "jadikan foto lain sebagai foto utama atau unggah foto yang dipangkas.";
    }

    /// <summary>
    /// A video link the site can show: an absolute https address with a host name with a dot (not <c>localhost</c>) or an IP address, no user name or password in it.
    /// Any host is accepted (YouTube, Facebook, Instagram, Vimeo, the regency's own server): the office's videos live in many places.
    /// </summary>
    public static bool IsVideoLink(string url)
        => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
           && uri.Scheme == Uri.UriSchemeHttps
           && string.IsNullOrEmpty(uri.UserInfo)
           && (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
               || (uri.HostNameType == UriHostNameType.Dns && uri.Host.Contains('.', StringComparison.Ordinal)));

    private static string Number(int value) => value.ToString("N0", Indonesian);
}
