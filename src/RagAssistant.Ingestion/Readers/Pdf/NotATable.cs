using RagAssistant.Core.Language;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// What an aligned block is when it is not a table: a chart's labels, a drawing's labels under a figure caption,
/// justified prose whose words happen to stand apart, or two columns of running text side by side.
/// </summary>
internal static class NotATable
{
    private const double MinFill = 0.4;

    /// <summary>A cell this long (characters) is a piece of running text rather than a value or a label.</summary>
    public const int ProseCellChars = 30;

    /// <summary>
    /// Not every aligned block is a table: a chart's axis labels and legend align in columns but leave most of the
    /// grid empty (less than <see cref="MinFill"/> of the cells hold text), and a block that opens with a figure's
    /// caption is a drawing's labels.
    /// </summary>
    public static bool LooksLikeTable(DetectedTable table)
    {
        if (table.Rows.Any(r => r.Cells.FirstOrDefault(c => c is { Text.Length: > 0 }) is { } first && NumberedHeading.IsFigureCaption(first.Text)))
            return false;
        if (AlignedColumns(table) < Math.Max(2, (table.Columns.Count + 1) / 2)) return false;
        double filled = 0, places = 0;
        foreach (var row in table.Rows)
            foreach (var cell in row.Cells)
            {
                if (cell is null) continue;
                places += cell.ColSpan;
                if (cell.Text.Length > 0) filled += cell.ColSpan;
            }
        return places > 0 && filled / places >= MinFill;
    }

    /// <summary>
    /// Running text set in columns, not a table: most cells are long pieces of text, many of them go on from the cell
    /// above (they start in lower case: a line of a paragraph), and hardly any hold a value.
    /// </summary>
    public static bool IsProseInColumns(DetectedTable table)
    {
        if (table.Rows.Count < 4) return false;
        var cells = table.Rows.SelectMany(r => r.Cells).Where(c => c is { Text.Length: > 0 }).Select(c => c!.Text).ToList();
        if (cells.Count < 6) return false;
        double n = cells.Count;
        var longText = cells.Count(c => c.Length >= ProseCellChars) / n;
        var goesOn = cells.Count(c => char.IsLower(c[0])) / n;
        var values = cells.Count(TableHeaders.IsValue) / n;
        return longText >= 0.5 && goesOn >= 0.25 && values < 0.2;
    }

    /// <summary>
    /// A column of running text beside a figure's labels (a datasheet's paragraph next to its pin diagram or a package
    /// drawing's dimensions), not a table: one column's cells are mostly long pieces of text, many going on from the cell
    /// above (lower case: a line of a paragraph, which a table's wrapped cell would have joined), and in most of them the
    /// function words of running prose (the, to, of …: code and values have few); no other column holds long text.
    /// </summary>
    public static bool IsProseBesideLabels(DetectedTable table)
    {
        if (table.Rows.Count < 4) return false;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var cells = Column(table, c);
            if (cells.Count < 4) continue;
            double n = cells.Count;
            if (cells.Count(t => t.Length >= ProseCellChars) / n < 0.5 || cells.Count(t => char.IsLower(t[0])) / n < 0.25
                || cells.Count(ReadsAsProse) / n < 0.5)
                continue;
            return Enumerable.Range(0, table.Columns.Count).Where(o => o != c).All(o => Column(table, o).All(t => t.Length < ProseCellChars));
        }
        return false;
    }

    /// <summary>The filled cells that stand in column <paramref name="column"/> alone.</summary>
    private static List<string> Column(DetectedTable table, int column) =>
        table.Rows.Select(r => r.Cells[column]).Where(c => c is { ColSpan: 1, Text.Length: > 0 }).Select(c => c!.Text).ToList();

    /// <summary>Text holding at least two of the function words running English prose is full of.</summary>
    private static bool ReadsAsProse(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => QuestionWords.IsFraming(w.ToLowerInvariant())) >= 2;

    /// <summary>A label set inside the width of the cell under it (a centred column name over a left-set value).</summary>
    private static bool Within((double Left, double Right) label, (double Left, double Right) cell) =>
        label.Left >= cell.Left - 1 && label.Right <= cell.Right + 1 && label.Right - label.Left < cell.Right - cell.Left;

    /// <summary>
    /// Columns in which cells of different rows line up (left edges, right edges or centres within 2 pt): a table's
    /// columns do; the words of justified prose that happen to stand far apart do not.
    /// </summary>
    private static int AlignedColumns(DetectedTable table)
    {
        var aligned = 0;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var boxes = table.Rows.Select(r => r.Cells[c]).Where(cell => cell is { ColSpan: 1, Segments.Count: > 0 })
                .Select(cell => (Left: cell!.Segments.Min(s => s.Left), Right: cell.Segments.Max(s => s.Right))).ToList();
            var lined = false;
            for (var a = 0; a < boxes.Count && !lined; a++)
                for (var b = a + 1; b < boxes.Count && !lined; b++)
                    lined = Math.Abs(boxes[a].Left - boxes[b].Left) < 2 || Math.Abs(boxes[a].Right - boxes[b].Right) < 2
                            || Math.Abs(boxes[a].Left + boxes[a].Right - boxes[b].Left - boxes[b].Right) < 4
                            || a == 0 && Within(boxes[a], boxes[b]);
            if (lined) aligned++;
        }
        return aligned;
    }
}
