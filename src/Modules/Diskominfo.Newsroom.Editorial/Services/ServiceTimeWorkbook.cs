using ClosedXML.Excel;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Infrastructure.Text;

namespace Diskominfo.Newsroom.Editorial.Services;

/// <summary>The service-time report as an Excel workbook for the auditors: a summary sheet and the overdue steps.</summary>
internal static class ServiceTimeWorkbook
{
    public static byte[] Write(ServiceTimes report, string office)
    {
        using var workbook = new XLWorkbook();
        var summary = workbook.Worksheets.Add("Ringkasan");
        summary.Cell(1, 1).SetText($"Capaian mutu baku waktu layanan - {office}");
        summary.Cell(1, 1).Style.Font.Bold = true;
        summary.Cell(2, 1).SetText($"Periode {report.From.ToString("d MMMM yyyy", IndonesianTime.Culture)} s.d. {report.To.ToString("d MMMM yyyy", IndonesianTime.Culture)}");
        summary.Cell(3, 1).SetText($"Dihitung dalam waktu kerja. {report.Calendar}");
        string[] headers = ["Bulan", "Jenis konten", "Langkah", "Jumlah", "Median (menit kerja)", "Persentil 90 (menit kerja)", "Waktu baku (menit kerja)", "Melewati baku", "Persen tepat waktu", "Waktu baku"];
        WriteHeader(summary, 4, headers);
        var row = 5;
        foreach (var line in report.Steps)
        {
            summary.Cell(row, 1).SetText(line.Month);
            summary.Cell(row, 2).SetText(TypeLabel(line.ContentType));
            summary.Cell(row, 3).SetText(line.StepLabel);
            summary.Cell(row, 4).Value = line.Count;
            summary.Cell(row, 5).Value = line.MedianMinutes;
            summary.Cell(row, 6).Value = line.P90Minutes;
            summary.Cell(row, 7).Value = line.StandardMinutes;
            summary.Cell(row, 8).Value = line.OverdueCount;
            summary.Cell(row, 9).Value = line.Count == 0 ? 0 : (double)(line.Count - line.OverdueCount) / line.Count;
            summary.Cell(row, 9).Style.NumberFormat.Format = "0.0%";
            summary.Cell(row, 10).SetText(line.Standard);
            if (line.OverdueCount > 0)
            {
                summary.Cell(row, 8).Style.Font.FontColor = XLColor.DarkRed;
            }

            row++;
        }

        SetWidths(summary, [10, 16, 30, 9, 15, 20, 19, 14, 18, 16]);

        var overdue = workbook.Worksheets.Add("Melewati baku");
        WriteHeader(overdue, 1, ["Judul", "Jenis konten", "Langkah", "Mulai (WIB)", "Selesai (WIB)", "Lama (menit kerja)", "Waktu baku (menit kerja)", "ID naskah"]);
        row = 2;
        foreach (var step in report.Overdue)
        {
            overdue.Cell(row, 1).SetText(step.Title);
            overdue.Cell(row, 2).SetText(TypeLabel(step.ContentType));
            overdue.Cell(row, 3).SetText(step.StepLabel);
            overdue.Cell(row, 4).Value = IndonesianTime.ToWib(step.Start).DateTime;
            overdue.Cell(row, 5).Value = IndonesianTime.ToWib(step.End).DateTime;
            overdue.Cell(row, 4).Style.DateFormat.Format = "dd/mm/yyyy hh:mm";
            overdue.Cell(row, 5).Style.DateFormat.Format = "dd/mm/yyyy hh:mm";
            overdue.Cell(row, 6).Value = step.Minutes;
            overdue.Cell(row, 7).Value = step.StandardMinutes;
            overdue.Cell(row, 8).SetText(step.ItemId.ToString());
            row++;
        }

        SetWidths(overdue, [50, 16, 30, 18, 18, 12, 19, 38]);
        if (report.Flows.Count > 0)
        {
            WriteFlows(workbook.Worksheets.Add("Alur lain"), report.Flows);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static string TypeLabel(string contentType) => ContentTypes.Label(contentType);

    /// <summary>A section per flow: its steps' figures, then its passages over the standard (finished or still open).</summary>
    private static void WriteFlows(IXLWorksheet sheet, IReadOnlyList<FlowServiceTimes> flows)
    {
        var row = 1;
        foreach (var flow in flows)
        {
            sheet.Cell(row, 1).SetText(flow.Label);
            sheet.Cell(row, 1).Style.Font.Bold = true;
            row++;
            WriteHeader(sheet, row++, ["Langkah", "Waktu baku", "Jumlah selesai", "Rata-rata (menit kerja)", "Terlama (menit kerja)", "Melewati baku", "Masih terbuka", "Terbuka dan lewat batas"]);
            foreach (var step in flow.Steps)
            {
                sheet.Cell(row, 1).SetText(step.Label);
                sheet.Cell(row, 2).SetText(step.Standard);
                sheet.Cell(row, 3).Value = step.Count;
                sheet.Cell(row, 4).Value = step.AverageMinutes;
                sheet.Cell(row, 5).Value = step.LongestMinutes;
                sheet.Cell(row, 6).Value = step.OverdueCount;
                sheet.Cell(row, 7).Value = step.OpenCount;
                sheet.Cell(row, 8).Value = step.OpenOverdueCount;
                row++;
            }

            if (flow.Overdue.Count > 0)
            {
                WriteHeader(sheet, row++, ["Perihal", "Langkah", "Mulai (WIB)", "Batas (WIB)", "Selesai (WIB)", "Lama (menit kerja)", "Waktu baku"]);
                foreach (var span in flow.Overdue)
                {
                    sheet.Cell(row, 1).SetText(span.Title);
                    sheet.Cell(row, 2).SetText(span.StepLabel);
                    sheet.Cell(row, 3).Value = IndonesianTime.ToWib(span.Start).DateTime;
                    sheet.Cell(row, 4).Value = IndonesianTime.ToWib(span.Due).DateTime;
                    if (span.End is { } end)
                    {
                        sheet.Cell(row, 5).Value = IndonesianTime.ToWib(end).DateTime;
                    }
                    else
                    {
                        sheet.Cell(row, 5).SetText("masih terbuka");
                    }

                    sheet.Range(row, 3, row, 5).Style.DateFormat.Format = "dd/mm/yyyy hh:mm";
                    sheet.Cell(row, 6).Value = span.Minutes;
                    sheet.Cell(row, 7).SetText(span.Standard);
                    row++;
                }
            }

            row++;
        }

        SetWidths(sheet, [50, 30, 18, 18, 18, 16, 16, 20]);
    }

    private static void WriteHeader(IXLWorksheet sheet, int row, string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(row, i + 1).SetText(headers[i]);
            sheet.Cell(row, i + 1).Style.Font.Bold = true;
            sheet.Cell(row, i + 1).Style.Fill.BackgroundColor = XLColor.LightGray;
        }
    }

    // Fixed widths: measuring text would need System.Drawing, which .NET does not support on Linux.
    private static void SetWidths(IXLWorksheet sheet, int[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
    }
}
