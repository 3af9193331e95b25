using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Rows a ruled table draws no rule between: a ruled row whose first column holds several lines, most of them level
/// with lines in the other columns, is several rows (tables ruled around the body, or between groups of rows only).
/// Each line of the first column starts a row, unless it goes on from the line above (lower case, an opening
/// bracket); the other columns' lines join the row of the first-column line level with or above them. A ruled row
/// whose first column holds one line and whose other cells wrap is one row: that is what the rules say.
/// </summary>
internal static class UnruledRows
{
    public static void Split(DetectedTable table)
    {
        JoinSpannedContinuations(table);
        for (var r = table.Rows.Count - 1; r >= 0; r--)
        {
            var row = table.Rows[r];
            if (row.Cells.Any(c => c is { RowSpan: > 1 }) || CoveredFromAbove(table, r)) continue;
            // The first column starts rows; a row without text there (a header over the value columns) is not split.
            const int anchor = 0;
            if (row.Cells[anchor] is not { Segments.Count: > 0 }) continue;
            var starts = RowStarts(row.Cells[anchor]!.Segments);
            if (starts.Count < 2) continue;
            var others = row.Cells.Where((c, i) => i != anchor && c is not null).SelectMany(c => c!.Segments).ToList();
            var level = starts.Count(y => others.Any(s => Math.Abs(s.Bottom - y) < 0.4 * s.FontSize));
            if (level < 2 || level * 2 < starts.Count) continue;
            table.Rows.RemoveAt(r);
            table.Rows.InsertRange(r, SubRows(row, starts));
        }
    }

    /// <summary>
    /// A ruled row whose only cell of its own is the first column's, every other column covered by cells spanning
    /// down from the row above, is the rest of that row: a label that wraps onto a second ruled line while its values
    /// stand once, centred over both. The two rows become one.
    /// </summary>
    private static void JoinSpannedContinuations(DetectedTable table)
    {
        for (var r = table.Rows.Count - 1; r >= 1; r--)
        {
            var row = table.Rows[r];
            var above = table.Rows[r - 1];
            var anchor = Array.FindIndex(row.Cells, c => c is not null);
            if (anchor < 0 || row.Cells[anchor] is not { RowSpan: 1 } label || above.Cells[anchor] is not { RowSpan: 1 } labelAbove) continue;
            if (row.Cells.Where((c, i) => i != anchor && c is not null).Any()) continue;
            var spanning = above.Cells.Where((c, i) => i > anchor && c is { RowSpan: >= 2 }).ToList();
            var covered = spanning.Sum(c => c!.ColSpan);
            if (spanning.Count == 0 || covered < row.Cells.Length - anchor - 1) continue;
            labelAbove.Text = TextJoin.Lines([labelAbove.Text, label.Text]);
            labelAbove.Segments = [.. labelAbove.Segments, .. label.Segments];
            for (var k = 0; k < r; k++)
                foreach (var cell in table.Rows[k].Cells)
                    if (cell is not null && k + cell.RowSpan > r) cell.RowSpan--;
            above.Boxes.AddRange(row.Boxes);
            table.Rows.RemoveAt(r);
        }
    }

    /// <summary>True when a cell from an earlier row spans down into row r.</summary>
    private static bool CoveredFromAbove(DetectedTable table, int r)
    {
        for (var k = 0; k < r; k++)
            if (table.Rows[k].Cells.Any(c => c is not null && k + c.RowSpan > r)) return true;
        return false;
    }

    /// <summary>The baselines (segment bottoms) of the anchor cell's lines that start a row, top first.</summary>
    private static List<double> RowStarts(IReadOnlyList<TextSegment> segments)
    {
        var lines = segments.GroupBy(s => Math.Round(s.Bottom)).OrderByDescending(g => g.Key)
            .Select(g => (Bottom: g.Max(s => s.Bottom), Text: string.Join(' ', g.OrderBy(s => s.Left).Select(s => s.Text))))
            .ToList();
        var starts = new List<double>();
        foreach (var (bottom, text) in lines)
        {
            var goesOn = starts.Count > 0 && WrappedLines.GoesOn(text) && !IsSymbol(text);
            if (!goesOn) starts.Add(bottom);
        }
        return starts;
    }

    /// <summary>
    /// One short word with a capital or a digit after its first letter (tCL, tW3, pH, mA): a symbol that names a row,
    /// however it starts, never the rest of a wrapped label.
    /// </summary>
    private static bool IsSymbol(string text) =>
        text.Length <= 8 && !text.Contains(' ') && text.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c));

    private static IEnumerable<DetectedRow> SubRows(DetectedRow row, List<double> starts)
    {
        var count = starts.Count;
        var parts = new List<TextSegment>[count, row.Cells.Length];
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (row.Cells[c] is not { } cell) continue;
            foreach (var s in cell.Segments)
            {
                var k = 0;
                while (k + 1 < count && starts[k + 1] >= s.Bottom - 0.4 * s.FontSize) k++;
                (parts[k, c] ??= []).Add(s);
            }
        }
        var box = row.Boxes.FirstOrDefault();
        for (var k = 0; k < count; k++)
        {
            var cells = new DetectedCell?[row.Cells.Length];
            var segments = new List<TextSegment>();
            for (var c = 0; c < cells.Length; c++)
            {
                if (row.Cells[c] is not { } cell) continue;
                var part = parts[k, c] ?? [];
                segments.AddRange(part);
                cells[c] = new DetectedCell(CellText.Of(part), cell.ColSpan) { Bold = part.Count > 0 && part.All(s => s.Bold), Segments = part };
            }
            var boxes = new List<PageBox>();
            if (segments.Count > 0)
            {
                double left = box?.Left ?? segments.Min(s => s.Left), right = box?.Right ?? segments.Max(s => s.Right);
                boxes.Add(TextSegment.Box(row.Page, segments) with { Left = left, Right = right });
            }
            yield return new DetectedRow(cells, boxes, row.Page);
        }
    }
}
