using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// How many of a table's first rows are header rows. The first row is a header when something sets it apart from the
/// rows below: bold text over a body that is not bold, a cell spanning several columns (a label over sub-columns),
/// or labels over values (no value cell of its own, short cells, while the rows below hold values in those columns).
/// Further rows join the header while they go on the same way: under a spanning cell (the sub-column names), inside a
/// first-row cell that spans rows, or bold like the rows above. Nothing set apart: no header — a data row is never
/// promoted to header.
/// </summary>
internal static partial class TableHeaders
{
    private const int MaxHeaderRows = 4;
    private const int MaxHeaderCellLength = 40;

    public static void Mark(DetectedTable table)
    {
        table.HeaderRows = Count(table);
        // English labels wrapped onto a line of their own ("Corrosion" / "rate (mm/year)"): the line goes on from them.
        var texts = table.ExpandedRows();
        while (table.HeaderRows > 0 && table.HeaderRows < Math.Min(MaxHeaderRows, texts.Count - 1)
               && GoesOnFromLabels(texts[table.HeaderRows - 1], texts[table.HeaderRows]) && HasValuesBelow(texts, table.HeaderRows))
        {
            table.HeaderRows++;
            table.WrappedHeaderRows++;
        }
    }

    /// <summary>
    /// A row of labels each under a label of the row above and starting in lower case or with a bracket ("concentration (g)",
    /// "(mm/year)"): the second line of the labels above, not a row of its own.
    /// </summary>
    private static bool GoesOnFromLabels(string[] above, string[] row) =>
        IsLabelRow(row) && Enumerable.Range(0, row.Length).All(c => row[c].Length == 0 || above[c].Length > 0 && (char.IsLower(row[c][0]) || row[c][0] is '(' or '['));

    public static int Count(DetectedTable table)
    {
        var rows = table.Rows;
        if (rows.Count < 2) return 0;
        var texts = table.ExpandedRows();
        if (!IsHeaderRow(table, texts, 0)) return 0;
        var count = 1;
        // Cells of the first row that span rows carry the header down with them.
        var spanned = rows[0].Cells.Where(c => c is not null).Select(c => c!.RowSpan).DefaultIfEmpty(1).Max();
        while (count < Math.Min(MaxHeaderRows, rows.Count - 1))
        {
            var above = rows[count - 1];
            var continues = count < spanned
                            || ((above.Cells.Any(c => c is { ColSpan: > 1 }) || IsGroupLabelRow(texts[count - 1], texts[count]))
                                && IsLabelRow(texts[count]) && HasValuesBelow(texts, count))
                            || (rows[count].Cells.All(c => c is null || c.Text.Length == 0 || c.Bold) && rows[count].Cells.Any(c => c is { Bold: true })
                                && rows.Skip(count + 1).Any(r => r.Cells.Any(c => c is { Bold: false, Text.Length: > 0 })));
            if (!continues) break;
            count++;
        }
        return count;
    }

    private static bool IsHeaderRow(DetectedTable table, List<string[]> texts, int r)
    {
        var row = table.Rows[r];
        var filled = row.Cells.Where(c => c is { Text.Length: > 0 }).Select(c => c!).ToList();
        if (filled.Count == 0) return false;
        if (filled.All(c => c.Bold) && table.Rows.Skip(r + 1).Any(b => b.Cells.Any(c => c is { Bold: false, Text.Length: > 0 }))) return true;
        if (!IsLabelRow(texts[r])) return false;
        if (filled.Any(c => c.ColSpan > 1) && table.Rows.Count > 2) return true;
        return HasValuesBelow(texts, r) || LongerBelow(texts, r);
    }

    /// <summary>
    /// A table continued on the next page repeats its whole header there: label rows under the header rows found on the
    /// first page that the next page repeats with them are header rows too — a header wrapped onto a second line (序/号,
    /// 注册/资本, 2010年6月末/净利润) that nothing else sets apart from the body. A repeated row holding values is no header.
    /// </summary>
    /// <param name="repeats">The rows the continuation starts with, expanded like the table's.</param>
    public static void ExtendByRepeat(DetectedTable table, List<string[]> repeats, Func<string[], string[], bool> same)
    {
        if (table.HeaderRows == 0) return;
        var texts = table.ExpandedRows();
        while (table.HeaderRows < Math.Min(MaxHeaderRows, texts.Count - 1) && table.HeaderRows < repeats.Count
               && IsLabelRow(texts[table.HeaderRows]) && same(texts[table.HeaderRows], repeats[table.HeaderRows]))
        {
            table.HeaderRows++;
            table.WrappedHeaderRows++;
        }
    }

    /// <summary>
    /// A row of a few labels, each standing over a group of the columns the row below names one by one (期末数 and 期初数
    /// over 金额 | 比例 | 坏账准备 twice): at most half its cells filled, over a row with more labels than it.
    /// </summary>
    public static bool IsGroupLabelRow(string[] row, string[] below)
    {
        var filled = row.Count(c => c.Length > 0);
        return filled > 0 && filled * 2 <= row.Length && below.Count(c => c.Length > 0) > filled;
    }

    /// <summary>Labels: no value cells (years and units aside), none long, none a sentence ("Part no." is a label).</summary>
    internal static bool IsLabelRow(string[] cells) =>
        cells.Any(c => c.Length > 0)
        && cells.All(c => c.Length <= MaxHeaderCellLength && !IsValue(c) && !(c.Length > 20 && TextJoin.EndsSentence(c)));

    /// <summary>
    /// Rows below hold values in a column where this row has a label. A dash standing for no amount ("-", "—") is neither
    /// a value nor a label: a column of figures with many dashes is still a column of figures.
    /// </summary>
    private static bool HasValuesBelow(List<string[]> texts, int r)
    {
        for (var c = 0; c < texts[r].Length; c++)
        {
            if (texts[r][c].Length == 0) continue;
            var below = texts.Skip(r + 1).Select(t => t[c]).Where(t => t.Length > 0 && !IsDash(t)).ToList();
            if (below.Count > 0 && below.Count(IsValue) * 2 >= below.Count) return true;
        }
        return false;
    }

    /// <summary>A cell holding only a dash or dashes: a placeholder for no amount.</summary>
    private static bool IsDash(string text) => text.Trim() is { Length: > 0 } t && t.All(ch => ch is '-' or '—' or '–' or '－');

    /// <summary>Short labels over text cells clearly longer than them (a text table's column names).</summary>
    private static bool LongerBelow(List<string[]> texts, int r)
    {
        var header = texts[r].Where(t => t.Length > 0).ToList();
        if (header.Count < 2 || texts[r].Count(t => t.Length == 0) > 1) return false;
        var body = texts.Skip(r + 1).SelectMany(t => t).Where(t => t.Length > 0).Select(t => (double)t.Length).Order().ToList();
        if (body.Count == 0) return false;
        return body[body.Count / 2] >= 1.5 * header.Average(t => t.Length);
    }

    /// <summary>
    /// A value: mostly digits and the signs around them ("25±2", "1.5 MPa", "≤ 60", "3,120"), not a year or a period a
    /// report's column is labelled by ("2010年6月末", "2010 年半年度", "2009年度"), nor a symbol a letter opens ("N2",
    /// "M8", "H2O": the names of a table's columns or rows).
    /// </summary>
    public static bool IsValue(string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || Year().IsMatch(t) || Symbol().IsMatch(t)) return false;
        int digits = 0, letters = 0;
        foreach (var ch in t)
        {
            if (char.IsDigit(ch)) digits++;
            else if (char.IsLetter(ch)) letters++;
        }
        return digits > 0 && digits >= letters;
    }

    [GeneratedRegex(@"^[A-Za-z]{1,3}\d{1,3}[A-Za-z]{0,2}\d?\*?$")]
    private static partial Regex Symbol();

    [GeneratedRegex(@"^(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?(?:\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?\s*[末初底]?|[上下]?半年度?|年?度|末|初|底)?)?$")]
    private static partial Regex Year();
}
