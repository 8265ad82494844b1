using ClosedXML.Excel;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// Media monitoring in numbers: the clippings of a period (by edition date) per outlet, per month and per tone,
/// with how many were archived; on screen and as an Excel workbook.
/// </summary>
internal sealed class ClippingReport(ContentDbContext db, IWorkflowQuery workflows)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Tones = ["positif", "netral", "negatif"];

    /// <summary>
    /// The figures of the clippings <paramref name="actor"/> may see: all of them for those who see all work; for a
    /// reporter his own and those filed in the archive, never the drafts of others.
    /// </summary>
    public async Task<ClippingFigures> BuildAsync(DateOnly from, DateOnly to, Actor actor, CancellationToken cancellationToken)
    {
        // Parts are JSON: this office's clippings are read and counted here (a few thousand a year).
        var rows = await (from item in db.Items.AsNoTracking()
                          where item.ContentType == ContentTypes.Clipping
                          join version in db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                          select new { item.Id, item.OwnerId, version.Parts })
            .ToListAsync(cancellationToken);
        var inPeriod = rows
            .Where(r => r.Parts.Clipping is { } c && c.EditionDate >= from && c.EditionDate <= to)
            .ToList();
        var statuses = await workflows.GetStatusesAsync(inPeriod.Select(c => c.Id).ToList(), cancellationToken);
        var clippings = inPeriod
            .Where(r => actor.SeesAllWork || r.OwnerId == actor.UserId || statuses.GetValueOrDefault(r.Id) == WorkflowStatuses.Archived)
            .Select(r => (r.Id, Clipping: r.Parts.Clipping!))
            .ToList();
        var outlets = clippings
            .GroupBy(c => (Outlet: c.Clipping.Outlet.Trim(), c.Clipping.MediaType))
            .Select(g => new OutletLine(
                g.Key.Outlet, g.Key.MediaType, ByTone(g.Select(c => c.Clipping.Tone)), g.Count(),
                g.Count(c => statuses.GetValueOrDefault(c.Id) == WorkflowStatuses.Archived)))
            .OrderByDescending(l => l.Total).ThenBy(l => l.Outlet, StringComparer.Ordinal)
            .ToList();
        var months = clippings
            .GroupBy(c => new DateOnly(c.Clipping.EditionDate.Year, c.Clipping.EditionDate.Month, 1))
            .OrderBy(g => g.Key)
            .Select(g => new MonthLine(g.Key, ByTone(g.Select(c => c.Clipping.Tone)), g.Count()))
            .ToList();
        return new ClippingFigures(from, to, outlets, months, ByTone(clippings.Select(c => c.Clipping.Tone)), clippings.Count);
    }

    public async Task<(byte[] Bytes, string Name)> WorkbookAsync(DateOnly from, DateOnly to, string office, Actor actor, CancellationToken cancellationToken)
    {
        var figures = await BuildAsync(from, to, actor, cancellationToken);
        using var workbook = new XLWorkbook();
        var period = $"Periode terbit {from.ToString("d MMMM yyyy", IndonesianTime.Culture)} s.d. {to.ToString("d MMMM yyyy", IndonesianTime.Culture)}";

        var perOutlet = Sheet(workbook, "Per media", $"Kliping per media - {office}", period, ["Media", "Jenis media", "Positif", "Netral", "Negatif", "Jumlah", "Diarsipkan"]);
        var row = 5;
        foreach (var line in figures.Outlets)
        {
            perOutlet.Cell(row, 1).SetText(line.Outlet);
            perOutlet.Cell(row, 2).SetText(line.MediaType);
            Tone(perOutlet, row, 3, line.Tones);
            perOutlet.Cell(row, 6).Value = line.Total;
            perOutlet.Cell(row, 7).Value = line.Archived;
            row++;
        }

        Totals(perOutlet, row, 3, figures.Tones, figures.Total);
        perOutlet.Cell(row, 7).Value = figures.Outlets.Sum(o => o.Archived);
        Widths(perOutlet, [34, 12, 10, 10, 10, 10, 12]);

        var perMonth = Sheet(workbook, "Per bulan", $"Kliping per bulan - {office}", period, ["Bulan", "Positif", "Netral", "Negatif", "Jumlah"]);
        row = 5;
        foreach (var line in figures.Months)
        {
            perMonth.Cell(row, 1).SetText(line.Month.ToString("MMMM yyyy", IndonesianTime.Culture));
            Tone(perMonth, row, 2, line.Tones);
            perMonth.Cell(row, 5).Value = line.Total;
            row++;
        }

        Totals(perMonth, row, 2, figures.Tones, figures.Total);
        Widths(perMonth, [20, 10, 10, 10, 10]);

        var perTone = Sheet(workbook, "Per nada", $"Nada pemberitaan - {office}", period, ["Nada", "Jumlah", "Persen"]);
        row = 5;
        foreach (var tone in Tones)
        {
            perTone.Cell(row, 1).SetText(tone);
            perTone.Cell(row, 2).Value = figures.Tones.GetValueOrDefault(tone);
            perTone.Cell(row, 3).Value = figures.Total == 0 ? 0 : (double)figures.Tones.GetValueOrDefault(tone) / figures.Total;
            perTone.Cell(row, 3).Style.NumberFormat.Format = "0.0%";
            row++;
        }

        perTone.Cell(row, 1).Value = "Jumlah";
        perTone.Cell(row, 2).Value = figures.Total;
        perTone.Row(row).Style.Font.Bold = true;
        Widths(perTone, [14, 10, 10]);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return (stream.ToArray(), $"kliping-{from:yyyy-MM}-{to:yyyy-MM}.xlsx");
    }

    private static Dictionary<string, int> ByTone(IEnumerable<string> tones)
        => tones.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static IXLWorksheet Sheet(XLWorkbook workbook, string name, string title, string period, string[] headers)
    {
        var sheet = workbook.Worksheets.Add(name);
        sheet.Cell(1, 1).SetText(title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetText(period);
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(4, i + 1).SetText(headers[i]);
            sheet.Cell(4, i + 1).Style.Font.Bold = true;
            sheet.Cell(4, i + 1).Style.Fill.BackgroundColor = XLColor.LightGray;
        }

        return sheet;
    }

    private static void Tone(IXLWorksheet sheet, int row, int column, IReadOnlyDictionary<string, int> tones)
    {
        for (var i = 0; i < Tones.Length; i++)
        {
            sheet.Cell(row, column + i).Value = tones.GetValueOrDefault(Tones[i]);
        }
    }

    private static void Totals(IXLWorksheet sheet, int row, int toneColumn, IReadOnlyDictionary<string, int> tones, int total)
    {
        sheet.Cell(row, 1).Value = "Jumlah";
        Tone(sheet, row, toneColumn, tones);
        sheet.Cell(row, toneColumn + Tones.Length).Value = total;
        sheet.Row(row).Style.Font.Bold = true;
    }

    // Fixed widths: measuring text would need System.Drawing, which .NET does not support on Linux.
    private static void Widths(IXLWorksheet sheet, int[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
    }
}

internal sealed record ClippingFigures(
    DateOnly From, DateOnly To, IReadOnlyList<OutletLine> Outlets, IReadOnlyList<MonthLine> Months, IReadOnlyDictionary<string, int> Tones, int Total);

internal sealed record OutletLine(string Outlet, string MediaType, IReadOnlyDictionary<string, int> Tones, int Total, int Archived);

internal sealed record MonthLine(DateOnly Month, IReadOnlyDictionary<string, int> Tones, int Total);
