namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Columns a ruled table draws no rules between: a datasheet's "Min Typ Max" under one ruled box, each label set apart
/// by a wide gap, each value of the rows below standing under one of them (a minimum under "Min", a maximum under
/// "Max"). Read as one column, "Logic Input HI | 2.0" no longer says that 2.0 is the minimum, and "4.7 5.0 5.3" is three
/// figures in one cell. Such a column is cut into one column per label, at the middle of each gap between labels —
/// only when every piece of text below lies wholly on one side of each cut, so a column of prose that merely has a
/// spaced-out heading stays whole.
/// </summary>
internal static class SubColumns
{
    /// <summary>At most this many labels side by side in one ruled column (Min Typ Max, 最小值 典型值 最大值 …).</summary>
    private const int MaxLabels = 6;

    /// <summary>A label longer than this is a phrase, not the name of a sub-column.</summary>
    private const int MaxLabelLength = 16;

    /// <summary>How far (pt) a piece of text may reach past a cut and still count as standing on its side (glyph overhang).</summary>
    private const double Overhang = 1.0;

    /// <summary>The header labels are looked for in this many first rows (under a spanning group label, they are the second).</summary>
    private const int HeaderRowsSearched = 2;

    public static DetectedTable Split(DetectedTable table)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (Cuts(table, c) is not { } cuts) continue;
            table = Widen(table, c, cuts);
            c += cuts.Count;
        }
        return table;
    }

    /// <summary>Where column <paramref name="c"/> divides into sub-columns, left to right; null when it does not.</summary>
    private static List<double>? Cuts(DetectedTable table, int c)
    {
        for (var r = 0; r < Math.Min(HeaderRowsSearched, table.Rows.Count - 1); r++)
        {
            if (table.Rows[r].Cells[c] is not { Text.Length: > 0 } header) continue;
            if (header.ColSpan != 1 || header.RowSpan != 1 || !IsLabelLine(header.Segments)) return null;
            var labels = header.Segments.OrderBy(s => s.Left).ToList();
            var cuts = labels.Zip(labels.Skip(1), (a, b) => (a.Right + b.Left) / 2).ToList();
            return FitsBody(table, r, c, cuts) ? cuts : null;
        }
        return null;
    }

    /// <summary>Two or more short labels on one baseline, none a value.</summary>
    private static bool IsLabelLine(IReadOnlyList<TextSegment> segments) =>
        segments.Count is >= 2 and <= MaxLabels
        && segments.All(s => Math.Abs(s.Bottom - segments[0].Bottom) < 0.4 * s.FontSize)
        && segments.All(s => s.Text.Length <= MaxLabelLength && !s.Text.Any(char.IsDigit));

    /// <summary>
    /// Every piece of text in the column below the labels stands wholly between two cuts, the cells starting in the
    /// column span neither rows nor further columns, and the pieces fill more than one of the sub-columns.
    /// </summary>
    private static bool FitsBody(DetectedTable table, int headerRow, int c, List<double> cuts)
    {
        var used = new HashSet<int>();
        for (var r = headerRow + 1; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Cells[c] is not { } cell || cell.Text.Length == 0) continue;
            if (cell.ColSpan != 1 || cell.RowSpan != 1 || cell.Segments.Count == 0) return false;
            foreach (var segment in cell.Segments)
            {
                if (cuts.Any(x => segment.Left < x - Overhang && segment.Right > x + Overhang)) return false;
                used.Add(Side(segment, cuts));
            }
        }
        return used.Count >= 2;
    }

    /// <summary>The sub-column a piece of text stands in: the number of cuts left of its middle.</summary>
    private static int Side(TextSegment segment, List<double> cuts) => cuts.Count(x => x < (segment.Left + segment.Right) / 2);

    /// <summary>The table with column <paramref name="c"/> cut at <paramref name="cuts"/>: its cells split by where their text stands, cells spanning over it wider.</summary>
    private static DetectedTable Widen(DetectedTable table, int c, List<double> cuts)
    {
        var (left, right) = table.Columns[c];
        var edges = new List<double> { left };
        edges.AddRange(cuts);
        edges.Add(right);
        var added = cuts.Count;
        var columns = table.Columns.Take(c).Concat(Enumerable.Range(0, added + 1).Select(i => (edges[i], edges[i + 1]))).Concat(table.Columns.Skip(c + 1)).ToList();
        var widened = new DetectedTable(table.Page, columns, table.Ruled) { HeaderRows = table.HeaderRows, WrappedHeaderRows = table.WrappedHeaderRows, Caption = table.Caption, LastPage = table.LastPage };
        foreach (var row in table.Rows)
        {
            var cells = new DetectedCell?[row.Cells.Length + added];
            for (var k = 0; k < row.Cells.Length; k++)
            {
                if (row.Cells[k] is not { } cell) continue;
                if (k < c || k == c && cell.ColSpan > 1)
                {
                    if (k + cell.ColSpan > c) cell.ColSpan += added;
                    cells[k] = cell;
                }
                else if (k > c) cells[k + added] = cell;
                else
                    for (var i = 0; i <= added; i++)
                    {
                        var part = cell.Segments.Where(s => Side(s, cuts) == i).ToList();
                        cells[c + i] = new DetectedCell(CellText.Of(part))
                        {
                            Segments = part,
                            Bold = part.Count > 0 ? part.All(s => s.Bold) : cell.Bold,
                            Box = cell.Box is { } box ? box with { Left = Math.Round(edges[i], 1), Right = Math.Round(edges[i + 1], 1) } : null,
                        };
                    }
            }
            widened.Rows.Add(new DetectedRow(cells, row.Boxes, row.Page));
        }
        return widened;
    }
}
