using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Finds tables among a page's lines by alignment, without templates: a table is a run of at least two consecutive
/// lines of one column that each have two or more segments (cells separated by a wide gap or a ruling line), with no
/// vertical gap above <see cref="MaxRowGapEm"/> font sizes. Its columns are the x-intervals that the run's multi-cell
/// lines cover, merged where they overlap; at least two must remain. A single-segment line inside the run that fits one
/// column is a wrapped cell; one that spans several columns ends the run. A line whose first cell is empty and which
/// sits close under the previous line (less than <see cref="WrapGapEm"/>) continues the previous row's cells.
/// Where the table is ruled, its vertical rules define the columns instead (centred header cells and left-aligned
/// values then share a column even though their text spans differ).
/// </summary>
internal static class TableDetector
{
    private const double MaxRowGapEm = 2.5;
    private const double WrapGapEm = 0.9;

    /// <summary>Splits a page's lines into plain lines and tables, keeping their order.</summary>
    public static List<object> Split(IReadOnlyList<TextLine> lines, VerticalRules rules)
    {
        var items = new List<object>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Segments.Count < 2) { items.Add(lines[i++]); continue; }
            var end = RunEnd(lines, i, out var columns);
            var multi = 0;
            for (var k = i; k < end; k++) if (lines[k].Segments.Count >= 2) multi++;
            if (multi < 2 || columns.Count < 2)
            {
                items.Add(lines[i++]);
                continue;
            }
            var ruled = RuledColumns(lines, i, end, rules);
            items.Add(Build(lines, i, end, ruled.Count >= 2 ? ruled : columns));
            i = end;
        }
        return items;
    }

    private static int RunEnd(IReadOnlyList<TextLine> lines, int start, out List<(double Left, double Right)> columns)
    {
        columns = [];
        var end = start;
        var candidate = new List<(double, double)>();
        for (var k = start; k < lines.Count; k++)
        {
            var line = lines[k];
            if (k > start)
            {
                var previous = lines[k - 1];
                if (line.Column != lines[start].Column || previous.Bottom - line.Top > MaxRowGapEm * line.FontSize) break;
            }
            if (line.Segments.Count >= 2)
            {
                var merged = Merge(candidate.Concat(line.Segments.Select(s => (s.Left, s.Right))));
                if (merged.Count < 2) break;
                candidate = merged;
                columns = merged;
                end = k + 1;
                continue;
            }
            // A one-segment line continues the table only when it is a wrapped cell: close under the line above and
            // inside one column.
            var segment = line.Segments[0];
            if (lines[k - 1].Bottom - line.Top >= WrapGapEm * line.FontSize) break;
            if (candidate.Count < 2 || candidate.Count(c => segment.Left < c.Item2 - 1 && segment.Right > c.Item1 + 1) != 1) break;
            end = k + 1;
        }
        // Trailing one-segment lines belong to the text after the table unless a multi-cell line follows them.
        while (end > start + 1 && lines[end - 1].Segments.Count < 2) end--;
        return end;
    }

    /// <summary>Cells between consecutive vertical rules crossing the run that hold text, or none when unruled.</summary>
    private static List<(double Left, double Right)> RuledColumns(IReadOnlyList<TextLine> lines, int start, int end, VerticalRules rules)
    {
        if (rules.IsEmpty) return [];
        double top = lines[start].Top, bottom = lines[end - 1].Bottom, left = double.MaxValue, right = double.MinValue;
        for (var k = start; k < end; k++) { left = Math.Min(left, lines[k].Left); right = Math.Max(right, lines[k].Right); }
        // The whole width: the table's outer borders lie beyond its text; intervals holding no text are dropped below.
        var xs = rules.Crossing(double.MinValue, double.MaxValue, bottom, top);
        var columns = new List<(double Left, double Right)>();
        for (var c = 1; c < xs.Count; c++)
        {
            var (x0, x1) = (xs[c - 1], xs[c]);
            var used = false;
            for (var k = start; k < end && !used; k++)
                foreach (var s in lines[k].Segments)
                    if ((s.Left + s.Right) / 2 > x0 && (s.Left + s.Right) / 2 < x1) { used = true; break; }
            if (used) columns.Add((x0, x1));
        }
        return columns;
    }

    private static List<(double, double)> Merge(IEnumerable<(double Left, double Right)> spans)
    {
        var merged = new List<(double Left, double Right)>();
        foreach (var span in spans.OrderBy(s => s.Left))
        {
            if (merged.Count > 0 && span.Left <= merged[^1].Right + 1)
                merged[^1] = (merged[^1].Left, Math.Max(merged[^1].Right, span.Right));
            else merged.Add(span);
        }
        return merged;
    }

    private static DetectedTable Build(IReadOnlyList<TextLine> lines, int start, int end, List<(double Left, double Right)> columns)
    {
        var table = new DetectedTable(lines[start].Page, columns);
        TextLine? previous = null;
        for (var k = start; k < end; k++)
        {
            var line = lines[k];
            var cells = new string[columns.Count];
            foreach (var segment in line.Segments)
            {
                var c = ColumnOf(columns, segment);
                cells[c] = cells[c] is null ? segment.Text : TextJoin.Lines([cells[c], segment.Text]);
            }
            var continues = previous is not null && string.IsNullOrEmpty(cells[0]) && table.Rows.Count > 0
                            && previous.Bottom - line.Top < WrapGapEm * line.FontSize;
            if (continues)
            {
                var row = table.Rows[^1];
                for (var c = 0; c < cells.Length; c++)
                    if (!string.IsNullOrEmpty(cells[c]))
                        row.Cells[c] = string.IsNullOrEmpty(row.Cells[c]) ? cells[c] : TextJoin.Lines([row.Cells[c], cells[c]]);
                row.Boxes.Add(line.Box);
            }
            else
            {
                for (var c = 0; c < cells.Length; c++) cells[c] ??= "";
                table.Rows.Add(new DetectedRow(cells, [line.Box]));
            }
            previous = line;
        }
        return table;
    }

    private static int ColumnOf(List<(double Left, double Right)> columns, TextSegment segment)
    {
        var best = 0;
        var bestOverlap = double.MinValue;
        for (var c = 0; c < columns.Count; c++)
        {
            var overlap = Math.Min(columns[c].Right, segment.Right) - Math.Max(columns[c].Left, segment.Left);
            if (overlap > bestOverlap) { bestOverlap = overlap; best = c; }
        }
        return best;
    }

    /// <summary>Two tables on consecutive pages are one when they have as many columns at about the same places.</summary>
    public static bool Continues(DetectedTable table, DetectedTable next)
    {
        if (next.Page != table.LastPage + 1 || next.Columns.Count != table.Columns.Count) return false;
        var width = table.Columns[^1].Right - table.Columns[0].Left;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var centre = (table.Columns[c].Left + table.Columns[c].Right) / 2;
            var nextCentre = (next.Columns[c].Left + next.Columns[c].Right) / 2;
            if (Math.Abs(centre - nextCentre) > 0.08 * width) return false;
        }
        return true;
    }

    /// <summary>Joins <paramref name="next"/> into <paramref name="table"/>, dropping its first row when it repeats the header.</summary>
    public static void Join(DetectedTable table, DetectedTable next)
    {
        var rows = next.Rows.AsEnumerable();
        if (table.Rows.Count > 0 && next.Rows.Count > 0 && SameCells(table.Rows[0].Cells, next.Rows[0].Cells)) rows = rows.Skip(1);
        table.Rows.AddRange(rows);
        table.LastPage = next.Page;
    }

    private static bool SameCells(string[] a, string[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => Squash(p.First) == Squash(p.Second));

    private static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
