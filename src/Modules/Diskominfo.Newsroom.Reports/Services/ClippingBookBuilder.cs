using System.Globalization;
using System.Security.Cryptography;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Reports.Data;
using Diskominfo.Newsroom.Reports.Models;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>
/// Builds the monthly clipping book. The selected clippings are those the chain selected (SOP: the Kasi selects, the
/// Kabid initials, the Kadis signs): the month's clippings (by edition date) signed by the Kadis, published or archived.
/// Those still on their way or not selected (<see cref="WorkflowStatuses.Rejected"/>) are left out.
/// </summary>
internal sealed class ClippingBookBuilder(
    IClippingQuery clippings, IWorkflowQuery workflows, IScanImages scans, IUserDirectory users, ReportsDbContext db,
    ReportRendering rendering, IOptions<ReportsOptions> options, TimeProvider clock)
{
    public const string Kind = "clipping-book";

    public static readonly IReadOnlySet<string> Selected = new HashSet<string>(StringComparer.Ordinal)
    {
        WorkflowStatuses.Signed, WorkflowStatuses.Published, WorkflowStatuses.Archived,
    };

    private static readonly string[] Roles = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis, NewsroomRoles.Archivist];

    private static readonly (string Type, string Label)[] Groups = [("koran", "Koran"), ("majalah", "Majalah"), ("tabloid", "Tabloid")];

    /// <summary>The heads and the archivist print the book (as they print the bulletin).</summary>
    public static bool MayPrint(Actor actor) => Roles.Any(actor.IsInRole);

    public static Outcome<(int Year, int Month)> ParseMonth(string? value, string field)
        => DateTime.TryParseExact(value?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100
            ? Outcome<(int, int)>.Ok((month.Year, month.Month))
            : Outcome<(int, int)>.From(Outcome.Invalid(field, "Bulan harus ditulis tttt-bb, misalnya 2026-11."));

    public static string FileName(int year, int month) => $"buku-kliping-{year:D4}-{month:D2}.pdf";

    public async Task<ClippingBook> CollectAsync(int year, int month, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, month, 1);
        var all = await clippings.ListByEditionAsync(first, first.AddMonths(1).AddDays(-1), cancellationToken);
        var statuses = await workflows.GetStatusesAsync([.. all.Select(c => c.ItemId)], cancellationToken);
        var selected = all.Where(c => Selected.Contains(statuses.GetValueOrDefault(c.ItemId) ?? ""))
            .OrderBy(c => c.EditionDate).ThenBy(c => c.Outlet, StringComparer.Ordinal).ThenBy(c => c.Page, StringComparer.Ordinal)
            .ToList();
        var firstScans = selected.Where(c => c.Scans.Count > 0).Select(c => c.Scans[0].MediaId).ToList();
        var images = await scans.PrintImagesAsync(firstScans, Math.Clamp(options.Value.ScanPixels, 400, 4000), cancellationToken);
        BookClipping Entry(ClippingEntry c) => new(
            c.ItemId, c.Headline, c.Outlet, c.EditionDate, c.Page, c.Tone,
            c.Scans.Count == 0 ? null : images.GetValueOrDefault(c.Scans[0].MediaId), Math.Max(0, c.Scans.Count - 1));
        var groups = Groups
            .Select(g => new BookGroup(g.Type, g.Label, [.. selected.Where(c => c.MediaType == g.Type).Select(Entry)]))
            .Concat(selected.Where(c => Groups.All(g => g.Type != c.MediaType)).GroupBy(c => c.MediaType)
                .Select(g => new BookGroup(g.Key, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(g.Key), [.. g.Select(Entry)])))
            .Where(g => g.Clippings.Count > 0)
            .ToList();
        var summary = selected.GroupBy(c => (c.Outlet, c.MediaType))
            .Select(g => new BookOutletLine(g.Key.Outlet, g.Key.MediaType, g.Count(c => c.Tone == "positif"), g.Count(c => c.Tone == "netral"), g.Count(c => c.Tone == "negatif")))
            .OrderBy(l => Array.FindIndex(Groups, x => x.Type == l.MediaType) is var i && i < 0 ? int.MaxValue : i)
            .ThenByDescending(l => l.Total).ThenBy(l => l.Outlet, StringComparer.Ordinal)
            .ToList();
        var office = options.Value.Office;
        var kadis = (await users.ListInRoleAsync(NewsroomRoles.Kadis, cancellationToken)).OrderBy(u => u.DisplayName, StringComparer.Ordinal).FirstOrDefault();
        return new ClippingBook(
            office, year, month, first.ToString("MMMM yyyy", IndonesianTime.Culture), clock.GetUtcNow(), groups, summary,
            new BookSignatory($"Kepala {office}", kadis?.DisplayName, kadis?.Nip));
    }

    /// <summary>Prints the book and records the run (who, when, how many clippings, the file's SHA-256).</summary>
    public async Task<byte[]> BuildAsync(int year, int month, Actor actor, CancellationToken cancellationToken)
    {
        var book = await CollectAsync(year, month, cancellationToken);
        var license = options.Value.PdfSharpLicenseKey;
        var pdf = await rendering.RunAsync(() => ClippingBookPdf.Render(book, license), cancellationToken);
        db.Runs.Add(new ReportRun
        {
            Kind = Kind,
            Period = $"{year:D4}-{month:D2}",
            ProducedAt = clock.GetUtcNow(),
            ProducedBy = actor.DisplayName,
            Entries = book.Count,
            Bytes = pdf.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
        });
        await db.SaveChangesAsync(cancellationToken);
        return pdf;
    }
}
