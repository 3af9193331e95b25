using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Tables drawn with ruling lines ("lattice" tables): rules that touch or cross form a connected group; the distinct
/// positions of its horizontal and vertical rules cut its box into a fine grid, and two neighbouring grid boxes are one
/// cell where no rule separates them (that is how a spanning cell is drawn). Every text segment whose centre lies in a
/// cell belongs to it, in reading order, so a cell whose text wraps over several lines stays one cell. Open sides (a
/// table with inner vertical rules but no outer border) are closed by the ends of its horizontal rules, and the other
/// way round. Grid rows and columns that hold no text of their own (a rule drawn twice a little apart, a decorative
/// band) are dropped; cells that span them shrink. A group that yields fewer than two rows or two columns with text is
/// not a table (a framed note, a page border): its text stays prose. Nor is one whose cells holding text each span all
/// its rows, or all its columns (a chart's frame with tick marks on its axes): its text stays lines of their own.
/// </summary>
internal static class RuledTableFinder
{
    private const double Tol = Rulings.Tolerance;

    /// <summary>Rule positions closer than this are one grid line: no cell is narrower (a border drawn with an offset).</summary>
    private const double MinCell = 4;

    /// <summary>More grid boxes than this in one group: a drawing, not a table.</summary>
    private const int MaxGridBoxes = 250_000;

    /// <summary>A ruled table and the segments it took; <see cref="Table"/> is null for a chart's frame (<see cref="NoCellsApart"/>), whose text stays lines.</summary>
    public sealed record Found(DetectedTable? Table, HashSet<TextSegment> Segments);

    public static List<Found> Find(int page, IReadOnlyList<TextLine> lines, Rulings rulings)
    {
        var found = new List<Found>();
        if (rulings.Horizontal.Count < 1 || rulings.Vertical.Count < 1) return found;
        foreach (var (hs, vs) in Groups(rulings))
        {
            if (hs.Count + vs.Count < 4) continue;
            if (Build(page, lines, hs, vs) is { } table) found.Add(table);
        }
        return found;
    }

    /// <summary>Connected groups of rules (a horizontal and a vertical rule touch within the tolerance).</summary>
    private static IEnumerable<(List<Rule> H, List<Rule> V)> Groups(Rulings rulings)
    {
        var h = rulings.Horizontal;
        var v = rulings.Vertical;
        var sets = new DisjointSets(h.Count + v.Count);
        for (var i = 0; i < h.Count; i++)
            for (var j = 0; j < v.Count; j++)
                if (v[j].At >= h[i].From - Tol && v[j].At <= h[i].To + Tol && h[i].At >= v[j].From - Tol && h[i].At <= v[j].To + Tol)
                    sets.Union(i, h.Count + j);
        var groups = new Dictionary<int, (List<Rule> H, List<Rule> V)>();
        for (var i = 0; i < h.Count + v.Count; i++)
        {
            var root = sets.Find(i);
            if (!groups.TryGetValue(root, out var g)) groups[root] = g = ([], []);
            if (i < h.Count) g.H.Add(h[i]); else g.V.Add(v[i - h.Count]);
        }
        return groups.Values.Where(g => g.H.Count > 0 && g.V.Count > 0);
    }

    private static Found? Build(int page, IReadOnlyList<TextLine> lines, List<Rule> hs, List<Rule> vs)
    {
        var xs = Positions(vs.Select(r => r.At), hs.Min(r => r.From), hs.Max(r => r.To));
        var ys = Positions(hs.Select(r => r.At), vs.Min(r => r.From), vs.Max(r => r.To));
        ys.Reverse(); // top first
        int nr = ys.Count - 1, nc = xs.Count - 1;
        if (nr < 1 || nc < 1 || (long)nr * nc > MaxGridBoxes) return null;

        // Which grid boxes are separated: a rule at the boundary that covers its middle.
        var vByX = ByPosition(vs, xs);
        var hByY = ByPosition(hs, ys);
        var sets = new DisjointSets(nr * nc);
        for (var r = 0; r < nr; r++)
            for (var c = 0; c < nc; c++)
            {
                if (c + 1 < nc && !Covers(vByX[c + 1], (ys[r] + ys[r + 1]) / 2)) sets.Union(r * nc + c, r * nc + c + 1);
                if (r + 1 < nr && !Covers(hByY[r + 1], (xs[c] + xs[c + 1]) / 2)) sets.Union(r * nc + c, (r + 1) * nc + c);
            }

        // Cells: the bounding grid box range of each connected group of boxes.
        var cellOf = new int[nr * nc];
        var cells = new List<GridCell>();
        var index = new Dictionary<int, int>();
        for (var b = 0; b < nr * nc; b++)
        {
            var root = sets.Find(b);
            if (!index.TryGetValue(root, out var k))
            {
                index[root] = k = cells.Count;
                cells.Add(new GridCell(b / nc, b % nc));
            }
            cellOf[b] = k;
            cells[k].Include(b / nc, b % nc);
        }

        // Text: every segment whose centre lies inside the grid.
        var taken = new HashSet<TextSegment>();
        foreach (var line in lines)
            foreach (var s in line.Segments)
            {
                double cx = (s.Left + s.Right) / 2, cy = (s.Bottom + s.Top) / 2;
                if (cx <= xs[0] || cx >= xs[^1] || cy >= ys[0] || cy <= ys[^1]) continue;
                var c = Slot(xs, cx);
                var r = SlotDescending(ys, cy);
                cells[cellOf[r * nc + c]].Segments.Add(s);
                taken.Add(s);
            }
        if (taken.Count == 0) return null;
        cells = SplitUnruledSpans(cells, xs);
        cells = SplitUnruledRowSpans(cells, ys);

        // Keep the grid rows and columns that hold the centre of some text: a strip between a rule drawn twice, or
        // between a cell's shading and its border, holds none.
        var keepRow = new bool[nr];
        var keepCol = new bool[nc];
        foreach (var s in taken)
        {
            keepCol[Slot(xs, (s.Left + s.Right) / 2)] = true;
            keepRow[SlotDescending(ys, (s.Bottom + s.Top) / 2)] = true;
        }
        var rowMap = Remap(keepRow);
        var colMap = Remap(keepCol);
        int rows = keepRow.Count(k => k), columns = keepCol.Count(k => k);
        if (rows < 2 || columns < 2) return null;

        var columnExtents = new List<(double Left, double Right)>(columns);
        for (var c = 0; c < nc; c++)
            if (keepCol[c]) columnExtents.Add((xs[c], xs[c + 1]));
        var table = new DetectedTable(page, columnExtents, ruled: true);
        for (var r = 0; r < nr; r++)
        {
            if (!keepRow[r]) continue;
            table.Rows.Add(new DetectedRow(new DetectedCell?[columns], [Box(page, xs[0], ys[NextKept(keepRow, r) + 1], xs[^1], ys[r])], page));
        }
        foreach (var cell in cells.OrderByDescending(c => c.Segments.Count > 0))
        {
            // A cell that starts in a dropped row or column moves to the next kept one it covers, if any.
            var r0 = FirstKept(keepRow, cell.Row0, cell.Row1);
            var c0 = FirstKept(keepCol, cell.Col0, cell.Col1);
            if (r0 < 0 || c0 < 0) continue;
            var rowSpan = CountKept(keepRow, cell.Row0, cell.Row1);
            var colSpan = CountKept(keepCol, cell.Col0, cell.Col1);
            var row = table.Rows[rowMap[r0]];
            if (row.Cells[colMap[c0]] is not null) continue;
            row.Cells[colMap[c0]] = new DetectedCell(CellText.Of(cell.Segments), colSpan, rowSpan)
            {
                Segments = cell.Segments,
                Bold = cell.Segments.Count > 0 && cell.Segments.All(s => s.Bold),
                Box = Box(page, xs[cell.Col0], ys[cell.Row1 + 1], xs[cell.Col1 + 1], ys[cell.Row0]),
            };
        }
        UnruledRows.Split(table);
        table = SubColumns.Split(table);
        // Its labels are no table of another kind either: the chart's text stays lines, not searched for alignment.
        if (NoCellsApart(table)) return new Found(null, taken);
        foreach (var row in table.Rows) MarkOcr(row);
        return new Found(table, taken);
    }

    /// <summary>
    /// Whether every cell holding text spans all the rows, or all the columns: no two cells stand one above the other
    /// (or side by side), so the grid's rows (or columns) divide nothing. A chart's frame with tick marks on its axes
    /// cuts such a grid around its labels — as a table, each label would be repeated in every row —, and so does a
    /// framed note.
    /// </summary>
    private static bool NoCellsApart(DetectedTable table)
    {
        var texted = table.Rows.SelectMany(r => r.Cells).Where(c => c is { Text.Length: > 0 }).Select(c => c!).ToList();
        return texted.All(c => c.RowSpan >= table.Rows.Count) || texted.All(c => c.ColSpan >= table.Columns.Count);
    }

    /// <summary>
    /// A cell spanning columns whose text stands in separate pieces on one line, each over a different column, is not a
    /// span: the table is ruled between rows only (or its inner rules are missing there). It is split into one cell per
    /// grid column, each piece in the column under its centre.
    /// </summary>
    private static List<GridCell> SplitUnruledSpans(List<GridCell> cells, List<double> xs)
    {
        var result = new List<GridCell>(cells.Count);
        foreach (var cell in cells)
        {
            if (cell.Col1 == cell.Col0 || cell.Segments.Count < 2 || !HasPiecesInSeveralColumns(cell, xs))
            {
                result.Add(cell);
                continue;
            }
            for (var c = cell.Col0; c <= cell.Col1; c++)
            {
                var part = new GridCell(cell.Row0, c);
                part.Include(cell.Row1, c);
                part.Segments.AddRange(cell.Segments.Where(s => Slot(xs, (s.Left + s.Right) / 2) == c));
                result.Add(part);
            }
        }
        return result;
    }

    /// <summary>
    /// The same across rows: a cell spanning grid rows whose lines each stand in a different grid row, level with the
    /// text of the cells beside them, is a column whose row rules are missing (rows ruled or shaded in some columns
    /// only). It is split into one cell per grid row. A label spanning rows with its lines between theirs stays one.
    /// </summary>
    private static List<GridCell> SplitUnruledRowSpans(List<GridCell> cells, List<double> ys)
    {
        var result = new List<GridCell>(cells.Count);
        var others = cells.Where(c => c.Row1 == c.Row0).SelectMany(c => c.Segments).ToList();
        foreach (var cell in cells)
        {
            var lines = cell.Segments.GroupBy(s => Math.Round(s.Bottom)).Select(g => g.ToList()).ToList();
            if (cell.Row1 == cell.Row0 || lines.Count < 2 || !LinesInOwnLevelRows(lines, ys, others))
            {
                result.Add(cell);
                continue;
            }
            for (var r = cell.Row0; r <= cell.Row1; r++)
            {
                var part = new GridCell(r, cell.Col0);
                part.Include(r, cell.Col1);
                part.Segments.AddRange(cell.Segments.Where(s => SlotDescending(ys, (s.Bottom + s.Top) / 2) == r));
                result.Add(part);
            }
        }
        return result;
    }

    private static bool LinesInOwnLevelRows(List<List<TextSegment>> lines, List<double> ys, List<TextSegment> others)
    {
        var rows = lines.Select(l => SlotDescending(ys, (l[0].Bottom + l[0].Top) / 2)).ToList();
        if (rows.Distinct().Count() != rows.Count) return false;
        // Lines that go on from the line above ("Chronic fatigue" / "syndrome") are one wrapped label, not rows.
        if (lines.Skip(1).Any(l => WrappedLines.GoesOn(l.OrderBy(s => s.Left).First().Text))) return false;
        return lines.All(l => others.Any(o => Math.Abs(o.Bottom - l[0].Bottom) < 0.3 * l[0].FontSize));
    }

    private static bool HasPiecesInSeveralColumns(GridCell cell, List<double> xs)
    {
        foreach (var line in cell.Segments.GroupBy(s => Math.Round(s.Bottom)))
            if (line.Select(s => Slot(xs, (s.Left + s.Right) / 2)).Distinct().Count() >= 2) return true;
        return false;
    }

    /// <summary>Distinct positions (clustered within the tolerance), with the group's outer ends added where they lie beyond.</summary>
    private static List<double> Positions(IEnumerable<double> values, double outerMin, double outerMax)
    {
        var sorted = values.Order().ToList();
        var positions = new List<double>();
        foreach (var v in sorted)
            if (positions.Count == 0 || v - positions[^1] > MinCell) positions.Add(v);
        if (outerMin < positions[0] - 2 * Tol) positions.Insert(0, outerMin);
        if (outerMax > positions[^1] + 2 * Tol) positions.Add(outerMax);
        return positions;
    }

    /// <summary>The rules at each position (nearest within the tolerance).</summary>
    private static List<Rule>[] ByPosition(List<Rule> rules, List<double> positions)
    {
        var result = new List<Rule>[positions.Count];
        for (var i = 0; i < result.Length; i++) result[i] = [];
        foreach (var rule in rules)
        {
            var best = -1;
            var distance = MinCell + 0.01;
            for (var i = 0; i < positions.Count; i++)
            {
                var d = Math.Abs(positions[i] - rule.At);
                if (d < distance) { distance = d; best = i; }
            }
            if (best >= 0) result[best].Add(rule);
        }
        return result;
    }

    private static bool Covers(List<Rule> rules, double at)
    {
        foreach (var rule in rules)
            if (rule.From - Tol <= at && at <= rule.To + Tol) return true;
        return false;
    }

    /// <summary>The interval of ascending positions that holds x.</summary>
    private static int Slot(List<double> xs, double x)
    {
        var i = xs.BinarySearch(x);
        if (i < 0) i = ~i;
        return Math.Clamp(i - 1, 0, xs.Count - 2);
    }

    /// <summary>The interval of descending positions that holds y.</summary>
    private static int SlotDescending(List<double> ys, double y)
    {
        for (var i = 1; i < ys.Count; i++)
            if (y > ys[i]) return i - 1;
        return ys.Count - 2;
    }

    private static int[] Remap(bool[] keep)
    {
        var map = new int[keep.Length];
        var n = 0;
        for (var i = 0; i < keep.Length; i++) map[i] = keep[i] ? n++ : -1;
        return map;
    }

    private static int FirstKept(bool[] keep, int from, int to)
    {
        for (var i = from; i <= to; i++) if (keep[i]) return i;
        return -1;
    }

    private static int CountKept(bool[] keep, int from, int to)
    {
        var n = 0;
        for (var i = from; i <= to; i++) if (keep[i]) n++;
        return Math.Max(1, n);
    }

    /// <summary>The last grid row before the next kept row: a kept row's box reaches down over dropped rows.</summary>
    private static int NextKept(bool[] keep, int row)
    {
        var r = row;
        while (r + 1 < keep.Length && !keep[r + 1]) r++;
        return r;
    }

    /// <summary>A scanned grid's boxes say its text was read by OCR (lowest confidence, any unsure line), as line boxes do.</summary>
    private static void MarkOcr(DetectedRow row)
    {
        var segments = row.Cells.Where(c => c is not null).SelectMany(c => c!.Segments).ToList();
        if (!segments.Any(s => s.OcrConfidence is not null)) return;
        var marks = TextSegment.Box(row.Page, segments);
        for (var i = 0; i < row.Boxes.Count; i++) row.Boxes[i] = row.Boxes[i] with { Ocr = marks.Ocr, Uncertain = marks.Uncertain };
        foreach (var cell in row.Cells)
            if (cell is { Box: { } box, Segments.Count: > 0 } && TextSegment.Box(row.Page, cell.Segments) is { Ocr: not null } own)
                cell.Box = box with { Ocr = own.Ocr, Uncertain = own.Uncertain };
    }

    private static PageBox Box(int page, double left, double bottom, double right, double top) =>
        new(page, Math.Round(left, 1), Math.Round(bottom, 1), Math.Round(right, 1), Math.Round(top, 1));

    /// <summary>A connected group of grid boxes: its row and column range and the text segments inside it.</summary>
    private sealed class GridCell(int row, int col)
    {
        public int Row0 { get; private set; } = row;
        public int Row1 { get; private set; } = row;
        public int Col0 { get; private set; } = col;
        public int Col1 { get; private set; } = col;
        public List<TextSegment> Segments { get; } = [];

        public void Include(int row, int col)
        {
            Row0 = Math.Min(Row0, row);
            Row1 = Math.Max(Row1, row);
            Col0 = Math.Min(Col0, col);
            Col1 = Math.Max(Col1, col);
        }
    }
}
