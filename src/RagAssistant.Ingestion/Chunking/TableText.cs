using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Chunking;

/// <summary>How table rows are written into chunk text and how row locators combine.</summary>
public static partial class TableText
{
    /// <summary>
    /// A row as a pipe-separated line: "| 日期 | 设备编号 | … |". A cell's own "|" (a table rule OCR read as a glyph, a
    /// spreadsheet's "A|B") is written as the full-width "｜": read back, it would split the cell and shift every column after it.
    /// </summary>
    public static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace('|', '｜'))) + " |";

    /// <summary>
    /// The line a later chunk of a table without a header opens with ("| --- | --- |"), as a Markdown table's separator:
    /// it says the first row is data, where a reader would otherwise take it for the column names.
    /// </summary>
    public static string Separator(int columns) => Row(Enumerable.Repeat("---", Math.Max(1, columns)));

    /// <summary>A row as "column: value" lines, skipping empty values.</summary>
    public static IEnumerable<string> Labelled(IReadOnlyList<string> header, IReadOnlyList<string> cells) =>
        cells.Select((value, i) => (value, name: i < header.Count ? header[i] : $"column {i + 1}"))
            .Where(x => x.value.Length > 0)
            .Select(x => $"{x.name}: {x.value}");

    /// <summary>
    /// "row 5" + "row 9" → "rows 5-9"; "table 2 row 1" + "table 2 row 4" → "table 2 rows 1-4";
    /// "Sheet1!A5:C5" + "Sheet1!A9:C9" → "Sheet1!A5:C9" (a worksheet range).
    /// </summary>
    public static string RowsLocator(string first, string last)
    {
        if (first == last) return first;
        var x = SheetRange().Match(first);
        var y = SheetRange().Match(last);
        if (x.Success && y.Success && x.Groups["sheet"].Value == y.Groups["sheet"].Value)
            return $"{x.Groups["sheet"].Value}!{x.Groups["from"].Value}:{(y.Groups["to"].Success ? y.Groups["to"].Value : y.Groups["from"].Value)}";
        var a = RowNumber().Match(first);
        var b = RowNumber().Match(last);
        if (a.Success && b.Success && a.Groups["prefix"].Value == b.Groups["prefix"].Value)
            return $"{a.Groups["prefix"].Value}rows {a.Groups["n"].Value}-{b.Groups["n"].Value}";
        return $"{first} – {last}";
    }

    /// <summary>The row number a row locator ends with ("table 2 row 6" → 6, "row 9" → 9); null for any other locator.</summary>
    public static int? RowOf(string locator) =>
        RowNumber().Match(locator) is { Success: true } m ? int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<sheet>.+)!(?<from>[A-Z]{1,3}\d+)(?::(?<to>[A-Z]{1,3}\d+))?$")]
    private static partial Regex SheetRange();

    [GeneratedRegex(@"^(?<prefix>.*?)row (?<n>\d+)$")]
    private static partial Regex RowNumber();
}
