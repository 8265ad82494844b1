using ClosedXML.Excel;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Infrastructure.Text;

namespace Diskominfo.Newsroom.Audit.Services;

/// <summary>The selected entries as an Excel workbook for the auditors: one row per entry, newest first, secrets masked.</summary>
internal static class AuditWorkbook
{
    public const int HeaderRow = 4;

    public static readonly string[] Headers =
        ["Waktu (WIB)", "Nama", "Nama pengguna", "ID pengguna", "Alamat", "Tindakan", "Kode tindakan", "Objek", "ID objek", "Ringkasan", "Sebelum", "Sesudah"];

    public static byte[] Write(IReadOnlyList<AuditEntryView> entries, int total, AuditFilter filter, DateTimeOffset printedAt)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Log audit");
        sheet.Cell(1, 1).SetText("Log audit");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetText($"{Describe(filter)}. Dicetak {IndonesianTime.Short(printedAt)}; {total} entri"
            + (total > entries.Count ? $", hanya {entries.Count} terbaru dimuat: persempit periodenya." : "."));
        for (var i = 0; i < Headers.Length; i++)
        {
            var cell = sheet.Cell(HeaderRow, i + 1);
            cell.SetText(Headers[i]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.LightGray;
        }

        // SetText keeps text as text: a value beginning with '=' is never taken for a formula, nor "15" for a number.
        var row = HeaderRow + 1;
        foreach (var entry in entries)
        {
            sheet.Cell(row, 1).Value = entry.At.DateTime;
            sheet.Cell(row, 1).Style.DateFormat.Format = "dd/mm/yyyy hh:mm:ss";
            sheet.Cell(row, 2).SetText(entry.ActorName ?? "");
            sheet.Cell(row, 3).SetText(entry.ActorUserName ?? "");
            sheet.Cell(row, 4).SetText(entry.ActorId ?? "");
            sheet.Cell(row, 5).SetText(entry.Address ?? "");
            sheet.Cell(row, 6).SetText(entry.ActionLabel);
            sheet.Cell(row, 7).SetText(entry.Action);
            sheet.Cell(row, 8).SetText(entry.TargetType ?? "");
            sheet.Cell(row, 9).SetText(entry.TargetId ?? "");
            sheet.Cell(row, 10).SetText(entry.Summary);
            sheet.Cell(row, 11).SetText(Lines(entry.Before));
            sheet.Cell(row, 12).SetText(Lines(entry.After));
            sheet.Cell(row, 11).Style.Alignment.WrapText = true;
            sheet.Cell(row, 12).Style.Alignment.WrapText = true;
            row++;
        }

        sheet.Range(HeaderRow, 1, Math.Max(HeaderRow, row - 1), Headers.Length).SetAutoFilter();
        sheet.SheetView.FreezeRows(HeaderRow);

        // Fixed widths: measuring text would need System.Drawing, which .NET does not support on Linux.
        int[] widths = [19, 24, 16, 20, 16, 28, 26, 18, 24, 50, 40, 40];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>"key: value" per line, as the page shows them.</summary>
    public static string Lines(IReadOnlyDictionary<string, string?>? values)
        => values is null ? "" : string.Join("\n", values.Select(v => $"{v.Key}: {v.Value ?? "-"}"));

    private static string Describe(AuditFilter filter)
    {
        var parts = new List<string>();
        if (filter.From is { } from)
        {
            parts.Add($"dari {IndonesianTime.Short(from)}");
        }

        if ((filter.Before ?? filter.Through) is { } end)
        {
            parts.Add($"sampai {IndonesianTime.Short(end)}" + (filter.Before is not null ? " (tidak termasuk)" : ""));
        }

        if (filter.Actor is not null)
        {
            parts.Add($"pengguna \"{filter.Actor}\"");
        }

        if (filter.Action is not null)
        {
            parts.Add($"tindakan {filter.Action}");
        }

        return parts.Count == 0 ? "Semua entri" : "Saringan: " + string.Join(", ", parts);
    }
}
