namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Splits a page's lines into plain lines and tables, keeping their order. Ruled tables come first
/// (<see cref="RuledTableFinder"/>): their segments leave the lines (a chart's frame keeps its labels as lines of their own). The lines left are searched for tables by alignment
/// (<see cref="AlignedTableFinder"/>), one stretch between ruled tables at a time. A table drawn inside another's row is
/// captioned by that row (<see cref="NestedTables"/>); a frame holding several tables under
/// titles of their own is cut into them (<see cref="StackedTables"/>). Every table then gets its caption
/// when the caption stands inside its frame (<see cref="InnerCaption"/>) and its header rows (<see cref="TableHeaders"/>).
/// </summary>
internal static class TableDetector
{
    public static List<object> Split(int page, IReadOnlyList<TextLine> lines, Rulings rulings)
    {
        var ruled = RuledTableFinder.Find(page, lines, rulings);
        var items = new List<object>(lines.Count);
        var pending = new List<TextLine>();
        var placed = new HashSet<DetectedTable>();
        foreach (var line in lines)
        {
            var owners = ruled.Where(f => line.Segments.Any(f.Segments.Contains)).ToList();
            if (owners.Count == 0)
            {
                pending.Add(line);
                continue;
            }
            foreach (var owner in owners.Where(o => o.Table is not null && placed.Add(o.Table)))
            {
                Flush();
                items.Add(owner.Table!);
            }
            // A chart's labels inside its frame are read as they stand, in no table.
            if (owners.Where(o => o.Table is null).SelectMany(o => line.Segments.Where(o.Segments.Contains)).ToList() is { Count: > 0 } labels)
            {
                Flush();
                items.Add(new TextLine(line.Page, line.Column, labels));
            }
            var rest = line.Segments.Where(s => !owners.Any(o => o.Segments.Contains(s))).ToList();
            if (rest.Count > 0) pending.Add(new TextLine(line.Page, line.Column, rest));
        }
        Flush();
        NestedTables.Attach(items.OfType<DetectedTable>().ToList());
        items = items.SelectMany(item => item is DetectedTable table ? StackedTables.Split(table) : (IEnumerable<object>)[item]).ToList();
        // A numbered heading drawn in a box ("1.3 其他充电条件(模式)") is a heading, not a table of one cell.
        items = items.Select(item => item is DetectedTable { Ruled: true } table && BoxedHeading(table, lines) is { } line ? line : item).ToList();
        foreach (var table in items.OfType<DetectedTable>())
        {
            InnerCaption.Lift(table);
            TableHeaders.Mark(table);
        }
        return items;

        void Flush()
        {
            items.AddRange(AlignedTableFinder.Split(pending, rulings.VerticalIndex));
            pending.Clear();
        }
    }

    /// <summary>The line of a ruled frame whose only text is a numbered heading (a clause title drawn in a box); null otherwise.</summary>
    private static TextLine? BoxedHeading(DetectedTable table, IReadOnlyList<TextLine> lines)
    {
        if (table.Rows.SelectMany(r => r.Filled).ToList() is not [{ Segments.Count: > 0 } cell]) return null;
        if (!NumberedHeading.TryParse(cell.Text, out _, out _)) return null;
        // In the page column its text was read in (the page's columns are laid out by the lines they hold).
        var column = lines.FirstOrDefault(l => l.Segments.Contains(cell.Segments[0]))?.Column ?? 0;
        return new TextLine(table.Page, column, cell.Segments.OrderByDescending(s => s.Top).ThenBy(s => s.Left).ToList());
    }

    /// <summary>
    /// Two tables on consecutive pages are one when the second has as many columns at about the same places (each about
    /// the same centre, left or right edge: a table continued over a page break), or when its first rows repeat the
    /// first table's header.
    /// </summary>
    public static bool Continues(DetectedTable table, DetectedTable next)
    {
        if (next.Page != table.LastPage + 1 || next.Columns.Count != table.Columns.Count) return false;
        if (table.HeaderRows > 0 && RepeatsHeader(table, next)) return true;
        var width = table.Columns[^1].Right - table.Columns[0].Left;
        // A column's cells may be set left, right or centred: its edge on that side stays where it was.
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var (a, b) = (table.Columns[c], next.Columns[c]);
            var tolerance = 0.08 * width;
            if (Math.Abs(a.Left + a.Right - b.Left - b.Right) / 2 > tolerance && Math.Abs(a.Left - b.Left) > tolerance && Math.Abs(a.Right - b.Right) > tolerance)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Joins <paramref name="next"/> into <paramref name="table"/>, dropping its first rows when they repeat the header
    /// (the header first taking in the label rows under it that the next page repeats as well).
    /// A first row whose first column is empty is the rest of the row the page break cut: its cells join that row's.
    /// </summary>
    public static void Join(DetectedTable table, DetectedTable next)
    {
        var repeated = table.HeaderRows > 0 && RepeatsHeader(table, next);
        if (repeated) TableHeaders.ExtendByRepeat(table, next.ExpandedRows(), SameRow);
        var skip = repeated ? table.HeaderRows : 0;
        var rows = next.Rows.Skip(skip).ToList();
        if (rows.Count > 0 && table.Rows.Count > table.HeaderRows && IsRestOfRow(table.Rows[^1], rows[0]))
        {
            var last = table.Rows[^1];
            for (var c = 0; c < last.Cells.Length; c++)
            {
                if (rows[0].Cells[c] is not { Text.Length: > 0 } rest) continue;
                if (last.Cells[c] is { } cell) cell.Text = TextJoin.Lines([cell.Text, rest.Text]);
                else last.Cells[c] = rest;
            }
            last.Boxes.AddRange(rows[0].Boxes);
            rows.RemoveAt(0);
        }
        table.Rows.AddRange(rows);
        table.LastPage = next.Page;
        // A header left alone at the foot of a page had no rows below it to be told apart from: read it again with them.
        if (table.HeaderRows == 0) TableHeaders.Mark(table);
    }

    private static bool IsRestOfRow(DetectedRow last, DetectedRow first) =>
        first.Cells.Length == last.Cells.Length && first.Cells[0] is null or { Text.Length: 0 } && last.Cells[0] is { Text.Length: > 0 }
        && first.Cells.All(c => c is null or { RowSpan: 1, ColSpan: 1 }) && last.Cells.All(c => c is null or { RowSpan: 1, ColSpan: 1 })
        && !first.IsEmpty;

    private static bool RepeatsHeader(DetectedTable table, DetectedTable next)
    {
        if (next.Rows.Count < table.HeaderRows) return false;
        var a = table.ExpandedRows();
        var b = next.ExpandedRows();
        for (var r = 0; r < table.HeaderRows; r++)
            if (!SameRow(a[r], b[r])) return false;
        return true;
    }

    private static bool SameRow(string[] a, string[] b) => a.Length == b.Length && a.Zip(b).All(p => Squash(p.First) == Squash(p.Second));

    private static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
