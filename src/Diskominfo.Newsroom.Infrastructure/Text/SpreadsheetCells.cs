using ClosedXML.Excel;

namespace Diskominfo.Newsroom.Infrastructure.Text;

/// <summary>Text from people in an Excel workbook.</summary>
public static class SpreadsheetCells
{
    /// <summary>
    /// The text as text: never a formula (ClosedXML's <c>Value</c> takes "=..." for one), nor a number or a date, and
    /// without the characters XML cannot hold. Text a spreadsheet would take for a formula (=, +, -, @ ...) also gets
    /// the quote prefix, so that it stays text when someone edits the cell.
    /// </summary>
    public static IXLCell SetText(this IXLCell cell, string? text)
    {
        var value = UntrustedText.ForXml(text);
        cell.SetValue(value);
        cell.Style.IncludeQuotePrefix = UntrustedText.LooksLikeFormula(value);
        return cell;
    }
}
