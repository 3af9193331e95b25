using System.Globalization;
using System.Text.RegularExpressions;

namespace RagAssistant.Core.Documents.Views;

/// <summary>
/// Reads the row locators spreadsheet readers write into citations: a worksheet range "工序卡!A14:K14", "Sheet1!B5"
/// or "'Stanley Cups'!A1:C9" (quoted as Excel quotes names with spaces or punctuation; '' is a quote), and a CSV record
/// "row 12" or "rows 5-9" (the header is row 1). Chunks spanning two ranges of different sheets are written
/// "first – last"; the first is taken.
/// </summary>
public static partial class SheetLocator
{
    /// <summary>Parses a locator; <paramref name="sheet"/> is null for the "row N" forms, which name no sheet.</summary>
    public static bool TryParse(string? locator, out string? sheet, out int firstRow, out int lastRow)
    {
        sheet = null;
        firstRow = lastRow = 0;
        if (string.IsNullOrWhiteSpace(locator)) return false;
        var text = locator.Trim();
        var dash = text.IndexOf(" – ", StringComparison.Ordinal);
        if (dash > 0) text = text[..dash];

        var range = SheetRange().Match(text);
        if (range.Success)
        {
            sheet = range.Groups["quoted"].Success ? range.Groups["quoted"].Value.Replace("''", "'") : range.Groups["plain"].Value;
            firstRow = Row(range.Groups["r0"].Value);
            lastRow = range.Groups["r1"].Success ? Row(range.Groups["r1"].Value) : firstRow;
        }
        else if (Rows().Match(text) is { Success: true } rows)
        {
            firstRow = Row(rows.Groups["a"].Value);
            lastRow = rows.Groups["b"].Success ? Row(rows.Groups["b"].Value) : firstRow;
        }
        else return false;

        if (firstRow <= 0 || lastRow <= 0) { sheet = null; firstRow = lastRow = 0; return false; }
        if (lastRow < firstRow) (firstRow, lastRow) = (lastRow, firstRow);
        return true;
    }

    private static int Row(string digits) => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"^(?:'(?<quoted>(?:[^']|'')+)'|(?<plain>[^!']+))!\$?[A-Za-z]{1,3}\$?(?<r0>\d+)(?::\$?[A-Za-z]{1,3}\$?(?<r1>\d+))?$")]
    private static partial Regex SheetRange();

    [GeneratedRegex(@"^rows? (?<a>\d+)(?:-(?<b>\d+))?$")]
    private static partial Regex Rows();
}
