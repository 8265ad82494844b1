using ClosedXML.Excel;
using Diskominfo.Newsroom.Infrastructure.Text;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>The spend report as an Excel workbook: budget lines against their budgets, per outlet, month and PPTK, the cross, the orders.</summary>
internal static class SpendWorkbook
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Rupiah = "#,##0";

    public static string FileName(int year) => $"belanja-adventorial-{year}.xlsx";

    public static byte[] Render(SpendReport report, string office)
    {
        using var workbook = new XLWorkbook();
        var title = $"Belanja adventorial tahun {report.Year} - {office}";

        var summary = Sheet(workbook, "Anggaran", title, ["Kode rekening DPA", "Pagu", "Realisasi", "Sisa", "Pesanan"]);
        var row = 5;
        foreach (var line in report.BudgetLines)
        {
            summary.Cell(row, 1).SetText(line.BudgetLine ?? "(tanpa kode rekening)");
            Money(summary.Cell(row, 2), line.Budget);
            Money(summary.Cell(row, 3), line.Spent);
            Money(summary.Cell(row, 4), line.Remaining);
            summary.Cell(row, 5).Value = line.Orders;
            row++;
        }

        summary.Cell(row, 1).SetText("Jumlah");
        Money(summary.Cell(row, 2), report.Budget);
        Money(summary.Cell(row, 3), report.Spent);
        Money(summary.Cell(row, 4), report.Remaining);
        summary.Cell(row, 5).Value = report.Orders;
        summary.Row(row).Style.Font.Bold = true;
        Widths(summary, [30, 18, 18, 18, 10]);

        var outlets = Sheet(workbook, "Per media", title, ["Media massa", "Realisasi", "Pesanan"]);
        row = Rows(outlets, report.Outlets, (s, r, o) => { s.Cell(r, 1).SetText(o.Outlet); Money(s.Cell(r, 2), o.Spent); s.Cell(r, 3).Value = o.Orders; });
        Total(outlets, row, 2, report);
        Widths(outlets, [34, 18, 10]);

        var months = Sheet(workbook, "Per bulan", title, ["Bulan", "Realisasi", "Pesanan"]);
        row = Rows(months, report.Months, (s, r, m) => { s.Cell(r, 1).SetText(m.Month); Money(s.Cell(r, 2), m.Spent); s.Cell(r, 3).Value = m.Orders; });
        Total(months, row, 2, report);
        Widths(months, [14, 18, 10]);

        var pptk = Sheet(workbook, "Per PPTK", title, ["PPTK", "Realisasi", "Pesanan"]);
        row = Rows(pptk, report.Pptk, (s, r, p) => { s.Cell(r, 1).SetText(p.Name); Money(s.Cell(r, 2), p.Spent); s.Cell(r, 3).Value = p.Orders; });
        Total(pptk, row, 2, report);
        Widths(pptk, [30, 18, 10]);

        var cross = Sheet(workbook, "Rekap", title, ["Bulan", "Media massa", "Kode rekening DPA", "PPTK", "Realisasi", "Pesanan"]);
        row = Rows(cross, report.Lines, (s, r, l) =>
        {
            s.Cell(r, 1).SetText(l.Month);
            s.Cell(r, 2).SetText(l.Outlet);
            s.Cell(r, 3).SetText(l.BudgetLine ?? "");
            s.Cell(r, 4).SetText(l.Pptk);
            Money(s.Cell(r, 5), l.Spent);
            s.Cell(r, 6).Value = l.Orders;
        });
        Total(cross, row, 5, report);
        Widths(cross, [12, 30, 24, 26, 18, 10]);

        var orders = Sheet(workbook, "Rincian", title, ["Bulan", "Judul", "Media massa", "Tanggal tayang", "Kode rekening DPA", "PPTK", "Biaya"]);
        row = Rows(orders, report.Items, (s, r, o) =>
        {
            s.Cell(r, 1).SetText(o.Month);
            s.Cell(r, 2).SetText(o.Title);
            s.Cell(r, 3).SetText(o.Outlet);
            s.Cell(r, 4).SetText(o.PublicationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
            s.Cell(r, 5).SetText(o.BudgetLine ?? "");
            s.Cell(r, 6).SetText(o.Pptk);
            Money(s.Cell(r, 7), o.Cost);
        });
        orders.Cell(row, 1).SetText("Jumlah");
        Money(orders.Cell(row, 7), report.Spent);
        orders.Row(row).Style.Font.Bold = true;
        Widths(orders, [10, 40, 28, 14, 24, 26, 16]);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static int Rows<T>(IXLWorksheet sheet, IReadOnlyList<T> rows, Action<IXLWorksheet, int, T> write)
    {
        var row = 5;
        foreach (var item in rows)
        {
            write(sheet, row++, item);
        }

        return row;
    }

    private static void Total(IXLWorksheet sheet, int row, int column, SpendReport report)
    {
        sheet.Cell(row, 1).SetText("Jumlah");
        Money(sheet.Cell(row, column), report.Spent);
        sheet.Cell(row, column + 1).Value = report.Orders;
        sheet.Row(row).Style.Font.Bold = true;
    }

    private static void Money(IXLCell cell, decimal? amount)
    {
        if (amount is { } value)
        {
            cell.Value = value;
            cell.Style.NumberFormat.Format = Rupiah;
        }
    }

    private static IXLWorksheet Sheet(XLWorkbook workbook, string name, string title, string[] headers)
    {
        var sheet = workbook.Worksheets.Add(name);
        sheet.Cell(1, 1).SetText(title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetText("Dalam rupiah; pesanan dihitung pada bulan tanggal tayangnya (atau bulan pemesanan bila belum tayang).");
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(4, i + 1).SetText(headers[i]);
            sheet.Cell(4, i + 1).Style.Font.Bold = true;
            sheet.Cell(4, i + 1).Style.Fill.BackgroundColor = XLColor.LightGray;
        }

        return sheet;
    }

    private static void Widths(IXLWorksheet sheet, int[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
    }
}
