namespace RagAssistant.Core.Documents;

/// <summary>
/// The shapes of table rows that organise a table rather than fill it, read the same way where chunks are written
/// (the chunker carries a group's own header into the next chunk) and where they are read (the answerer labels rows).
/// </summary>
public static partial class TableRowShapes
{
    /// <summary>
    /// A row that names the group of rows below it ("POWER SUPPLIES", "REFERENCE (ACOM)", "前 10 名股东持股情况"): of three or
    /// more cells only the first is filled, with words (a row of one value, "1" or "M8", is data whose other cells are blank).
    /// </summary>
    public static bool IsGroupRow(IReadOnlyList<string> cells) =>
        cells.Count >= 3 && cells[0].Count(char.IsLetter) >= 2 && cells.Skip(1).All(c => c.Length == 0);

    /// <summary>A row of three or more labels: filled cells without a digit.</summary>
    public static bool IsLabelRow(IReadOnlyList<string> cells) =>
        cells.Count(c => c.Length > 0) >= 3 && !cells.Any(c => c.Any(char.IsDigit));

    /// <summary>
    /// A Markdown separator row ("| --- | :--: |"): two or more dashes, perhaps between colons, in every filled cell, and
    /// a filled cell. Opening a table's lines, it says the table has no header (the chunker writes it so).
    /// </summary>
    public static bool IsSeparatorRow(IReadOnlyList<string> cells) =>
        cells.Any(c => c.Length > 0) && cells.All(c => c.Length == 0 || SeparatorCell().IsMatch(c));

    /// <summary>The cells of a pipe-separated row line ("| a | b |" → "a", "b"), trimmed.</summary>
    public static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    /// <summary>
    /// Whether the row at <paramref name="index"/> is a group's own header: a row of labels right under a group row, over
    /// a row with numbers ("前 10 名无限售条件股东持股情况", then "股东名称 | … | 股份种类", then the shareholders).
    /// </summary>
    public static bool IsGroupHeader(IReadOnlyList<IReadOnlyList<string>> rows, int index) =>
        index > 0 && index + 1 < rows.Count && IsGroupRow(rows[index - 1]) && IsLabelRow(rows[index])
        && rows[index + 1].Any(c => c.Any(char.IsDigit));

    [System.Text.RegularExpressions.GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial System.Text.RegularExpressions.Regex SeparatorCell();
}
