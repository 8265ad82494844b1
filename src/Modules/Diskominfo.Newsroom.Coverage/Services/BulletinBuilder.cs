using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Coverage.Data;
using Diskominfo.Newsroom.Coverage.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>
/// Gathers a month (WIB) of approved coverage reports and published press releases and prints the bulletin; at most a
/// few photos per article. PDFsharp is CPU-bound: two bulletins at a time, a few waiting, then 503.
/// </summary>
internal sealed partial class BulletinBuilder(
    CoverageDbContext db,
    IActivitySchedule schedule,
    IPublishedContentQuery published,
    IMediaLibrary media,
    ReportPhotoStore store,
    IOptions<CoverageOptions> options,
    BulletinRendering rendering,
    TimeProvider clock)
{
    public const int PhotosPerArticle = 4;

    /// <summary>Those who may print the bulletin: the heads (Kasi, Kabid, Kadis) and the archivist.</summary>
    public static readonly string[] Readers = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis, NewsroomRoles.Archivist];

    public static bool MayPrint(Actor actor) => Readers.Any(actor.IsInRole);

    /// <summary>A month as <c>yyyy-MM</c>, or the Indonesian refusal on field <paramref name="field"/>.</summary>
    public static Outcome<(int Year, int Month)> ParseMonth(string? value, string field)
        => DateTime.TryParseExact(value?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100
            ? Outcome<(int, int)>.Ok((month.Year, month.Month))
            : Outcome<(int, int)>.From(Outcome.Invalid(field, "Bulan harus ditulis tttt-bb, misalnya 2026-11."));

    public static string FileName(int year, int month) => $"buletin-{year:D4}-{month:D2}.pdf";

    public async Task<byte[]> BuildAsync(int year, int month, CancellationToken cancellationToken)
    {
        var from = IndonesianTime.StartOfDay(new DateOnly(year, month, 1));
        var to = IndonesianTime.StartOfDay(new DateOnly(year, month, 1).AddMonths(1));
        var approved = await db.Assignments.AsNoTracking().AsSplitQuery().Include(a => a.Members).Include(a => a.Photos)
            .Where(a => a.ApprovedAt >= from && a.ApprovedAt < to).ToListAsync(cancellationToken);
        var activities = await schedule.FindManyAsync([.. approved.Select(a => a.ActivityId).Distinct()], cancellationToken);
        var reports = new List<(DateTimeOffset Order, BulletinEntry Entry)>();
        foreach (var a in approved)
        {
            var activity = activities.GetValueOrDefault(a.ActivityId);
            var facts = new List<string>();
            if (activity is not null)
            {
                facts.Add($"{activity.Place}, {IndonesianTime.Short(activity.Start)} (penyelenggara: {activity.Organizer})");
            }

            facts.Add("Peliput: " + string.Join(", ", a.Members.OrderBy(m => m.Id).Select(m => $"{m.DisplayName} ({AssignmentMember.Label(m.Role).ToLowerInvariant()})")));
            facts.Add($"Laporan disahkan {IndonesianTime.Short(a.ApprovedAt!.Value)} oleh {a.ApprovedByName}");
            if (a.VideoUrl is not null)
            {
                facts.Add("Video: " + a.VideoUrl);
            }

            var photos = new List<BulletinPhoto>();
            foreach (var photo in a.Photos.Where(p => Printable(p.ContentType)).OrderBy(p => p.UploadedAt).Take(PhotosPerArticle))
            {
                if (await store.ReadAsync(photo.StoragePath, cancellationToken) is { } bytes)
                {
                    photos.Add(new BulletinPhoto(bytes, $"Foto: {photo.UploadedByName}"));
                }
            }

            reports.Add((activity?.Start ?? a.DispositionedAt, new BulletinEntry(CoverageNotices.Title(activity), facts, a.ReportText ?? "", photos)));
        }

        var releases = new List<BulletinEntry>();
        for (var page = 1; ; page++)
        {
            var list = await published.ListAsync(new ArticleFilter(Year: year, Month: month), page, 50, cancellationToken);
            foreach (var article in list.Items.Where(i => i.ContentType == ContentTypes.PressRelease).OrderBy(i => i.PublishedAt))
            {
                var photos = new List<BulletinPhoto>();
                foreach (var photo in article.Photos.Where(p => p.IsImage).Take(PhotosPerArticle))
                {
                    if (await media.GetRenditionAsync(photo.MediaId, SocialRendition.Facebook, cancellationToken) is { } bytes)
                    {
                        photos.Add(new BulletinPhoto(bytes, photo.Caption is null ? null : photo.Credit is null ? photo.Caption : $"{photo.Caption} (foto: {photo.Credit})"));
                    }
                }

                var facts = new List<string> { $"Terbit {IndonesianTime.Short(article.PublishedAt)}{(article.CategoryLabel is { } c ? $", {c}" : "")}" };
                if (article.EventPlace is not null)
                {
                    facts.Add($"Tempat kegiatan: {article.EventPlace}");
                }

                var text = (article.Lead is null ? "" : article.Lead + "\n") + PlainText(article.BodyHtml);
                releases.Add(new BulletinEntry(article.Title, facts, text, photos));
            }

            if (page >= list.Pages)
            {
                break;
            }
        }

        var bulletin = new Bulletin(
            options.Value.Office, year, month, [.. reports.OrderBy(r => r.Order).Select(r => r.Entry)], releases, clock.GetUtcNow());
        return await rendering.RunAsync(() => BulletinPdf.Render(bulletin, options.Value.PdfSharpLicenseKey), cancellationToken);
    }

    /// <summary>PDFsharp embeds JPEG and PNG; a WebP report photo is left out of the print.</summary>
    private static bool Printable(string contentType) => contentType is "image/jpeg" or "image/png";

    /// <summary>The article's sanitized HTML as paragraphs of plain text.</summary>
    public static string PlainText(string html)
    {
        var text = BlockEnd().Replace(html, "\n");
        text = Tag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
