using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Tables without ruling lines, found by alignment ("stream" tables):
/// <list type="bullet">
/// <item>a table is a run of at least two consecutive lines of one column that each have two or more segments (cells
/// separated by a wide gap or a ruling line), with no vertical gap above <see cref="MaxRowGapEm"/> font sizes; a
/// one-segment line inside the run that fits one column is a wrapped cell; header lines just above the run whose
/// segments sit over its columns (a label spanning several columns) belong to it;</item>
/// <item>columns come from the lines with the most cells, then the others add to them: a segment over one column widens
/// it, a segment over none starts a column, a segment over several is a spanning cell and changes no column;</item>
/// <item>rows come from the anchor column (the column that starts a row: the first one that most lines fill): a line
/// with an empty anchor continues the row above it (its cells wrap); a line with only its anchor filled continues the
/// row above when its text goes on from there (lower case, an opening bracket, or the line above ended mid-phrase), and
/// a label line waiting for its values takes the next line's values when that line continues the label. A line with a
/// spanning cell is a row of its own.</item>
/// </list>
/// Blocks that align but are not tables (charts, figure labels, prose) are told apart by <see cref="NotATable"/>; two
/// columns of running text are then read column by column.
/// </summary>
internal static class AlignedTableFinder
{
    private const double MaxRowGapEm = 2.5;
    private const double WrapGapEm = 0.9;
    private const int MaxHeaderLinesAbove = 3;
    private const int MinProseTailLines = 6;

    public static List<object> Split(IReadOnlyList<TextLine> lines, VerticalRules rules)
    {
        var items = new List<object>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Segments.Count < 2) { items.Add(lines[i++]); continue; }
            var end = ProseTailStart(lines, i, RunEnd(lines, i), rules);
            var multi = 0;
            for (var k = i; k < end; k++) if (lines[k].Segments.Count >= 2) multi++;
            var columns = multi >= 2 ? Columns(lines, i, end, rules) : [];
            if (columns.Count < 2)
            {
                items.Add(lines[i++]);
                continue;
            }
            var start = HeaderStart(lines, i, columns, items);
            var table = Build(lines, start, end, columns);
            if (NotATable.IsProseInColumns(table) || NotATable.IsProseBesideLabels(table))
            {
                // Two columns of running text side by side (the page's gutter was not found), or a paragraph beside a
                // figure's labels: read column by column.
                items.RemoveRange(items.Count - (i - start), i - start);
                items.AddRange(ColumnByColumn(lines, start, end, columns));
                i = end;
                continue;
            }
            if (!NotATable.LooksLikeTable(table))
            {
                items.Add(lines[i++]);
                continue;
            }
            items.RemoveRange(items.Count - (i - start), i - start);
            items.Add(table);
            i = end;
        }
        return items;
    }

    /// <summary>The run's lines split at its columns and read one column after the other, each piece a line of its own.</summary>
    private static IEnumerable<TextLine> ColumnByColumn(IReadOnlyList<TextLine> lines, int start, int end, List<(double Left, double Right)> columns)
    {
        var pieces = new List<(int Column, TextLine Line)>();
        for (var k = start; k < end; k++)
            foreach (var group in lines[k].Segments.GroupBy(s => Span(columns, s).First))
                pieces.Add((group.Key, new TextLine(lines[k].Page, lines[k].Column, group.ToList())));
        return pieces.OrderBy(p => p.Column).Select(p => p.Line); // stable: top to bottom within a column
    }

    /// <summary>
    /// Where a run that went on from a table into two columns of running text below it (a listing or a table above the
    /// page's two-column prose) turns into prose: the first of at least <see cref="MinProseTailLines"/> last lines that
    /// are mostly long pieces of text, which read as prose in columns on their own. The run's end when there is none.
    /// </summary>
    private static int ProseTailStart(IReadOnlyList<TextLine> lines, int start, int end, VerticalRules rules)
    {
        var tail = end;
        var prose = 0;
        for (var k = end - 1; k >= start + 2; k--)
        {
            if (IsProseLine(lines[k])) prose++;
            if (end - k >= 4 && prose < 0.5 * (end - k)) break; // a page's footer may close the run
            if (IsProseLine(lines[k]) && end - k >= MinProseTailLines && prose >= 0.8 * (end - k)) tail = k;
        }
        // The lines above the tail must be the table's: a run of prose throughout is told apart as a whole.
        if (tail == end || Enumerable.Range(start, tail - start).Count(k => IsProseLine(lines[k])) * 2 >= tail - start) return end;
        var columns = Columns(lines, tail, end, rules);
        return columns.Count >= 2 && NotATable.IsProseInColumns(Build(lines, tail, end, columns)) ? tail : end;
    }

    /// <summary>A line of running text: each piece long, or ending a sentence.</summary>
    private static bool IsProseLine(TextLine line) =>
        line.Segments.All(s => s.Text.Length >= NotATable.ProseCellChars || s.Text.TrimEnd().EndsWith('.'));

    private static int RunEnd(IReadOnlyList<TextLine> lines, int start)
    {
        var end = start;
        var covered = new List<(double Left, double Right)>();
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
                covered = Merge(covered.Concat(line.Segments.Select(s => (s.Left, s.Right))));
                end = k + 1;
                continue;
            }
            // A one-segment line continues the table only when it is a wrapped cell or a row label: close under the line
            // above and inside one of the columns found so far.
            var segment = line.Segments[0];
            if (lines[k - 1].Bottom - line.Top >= MaxRowGapEm * line.FontSize) break;
            var over = covered.Count(c => segment.Left < c.Right - 1 && segment.Right > c.Left + 1);
            // Under the first line, a header label's second line may reach over two of the first line's pieces.
            var headerWrap = k - start <= 2 && over >= 2 && lines[k - 1].Bottom - line.Top < WrapGapEm * line.FontSize;
            if (over != 1 && !headerWrap) break;
            end = k + 1;
        }
        // Trailing one-segment lines belong to the text after the table unless a multi-cell line follows them, or they
        // stand close under the line above, right of the first column: the last cell's wrapped text.
        while (end > start + 1 && lines[end - 1].Segments.Count < 2 && !(covered.Count >= 2
                   && lines[end - 2].Bottom - lines[end - 1].Top < WrapGapEm * lines[end - 1].FontSize && WrapsLastCell(lines, start, end - 1)))
            end--;
        return end;
    }

    /// <summary>True when the one-segment lines after the run's last multi-cell line up to <paramref name="last"/> all
    /// start right of that line's first cell: the last cell's wrapped text, not prose starting at the margin.</summary>
    private static bool WrapsLastCell(IReadOnlyList<TextLine> lines, int start, int last)
    {
        var k = last;
        while (k > start && lines[k].Segments.Count < 2) k--;
        var firstCellRight = lines[k].Segments[0].Right;
        for (var i = k + 1; i <= last; i++)
            if (lines[i].Left <= firstCellRight) return false;
        return true;
    }

    /// <summary>
    /// The run's columns: where the run is ruled, the cells between its vertical rules that hold text; otherwise from
    /// alignment, starting with the lines that have the most cells.
    /// </summary>
    private static List<(double Left, double Right)> Columns(IReadOnlyList<TextLine> lines, int start, int end, VerticalRules rules)
    {
        var ruled = RuledColumns(lines, start, end, rules);
        if (ruled.Count >= 2) return ruled;
        var run = new List<TextLine>(end - start);
        for (var k = start; k < end; k++) run.Add(lines[k]);
        // The body's lines set the columns (those with as many cells as the lines holding values have at most, else with
        // the most cells: a header spaced out into more pieces does not set them); header lines then
        // widen them, and add a column only where no column is near (a header's words spread apart are one label).
        var valueLines = run.Where(l => l.Segments.Count >= 2 && l.Segments.Skip(1).Any(s => TableHeaders.IsValue(s.Text))).ToList();
        var most = (valueLines.Count > 0 ? valueLines : run).Max(l => l.Segments.Count);
        var body = run.Where(l => l.Segments.Count == most).ToList();
        var columns = Merge(body.SelectMany(l => l.Segments).Select(s => (s.Left, s.Right)));
        foreach (var line in run.Where(l => !body.Contains(l)).OrderByDescending(l => l.Segments.Count))
            foreach (var s in line.Segments)
            {
                var over = Overlapping(columns, s.Left, s.Right);
                if (over.Count == 1) columns[over[0]] = (Math.Min(columns[over[0]].Left, s.Left), Math.Max(columns[over[0]].Right, s.Right));
                else if (over.Count == 0)
                    columns = Merge(columns.Append((s.Left, s.Right)));
            }
        return DropHeaderOnlyColumns(Merge(columns), run);
    }

    /// <summary>
    /// A column that only one of the run's first lines fills, in a run of several lines, is a header label's words
    /// spread apart ("Fraction   of" over one column), not a column: it goes, and its words join the nearest column.
    /// </summary>
    private static List<(double Left, double Right)> DropHeaderOnlyColumns(List<(double Left, double Right)> columns, List<TextLine> run)
    {
        if (run.Count < 4 || columns.Count < 3) return columns;
        var kept = new List<(double Left, double Right)>(columns.Count);
        foreach (var column in columns)
        {
            // Lines with a piece over this column alone (a wrapped label reaching over two columns does not count).
            var users = run.Select((line, index) => (line, index))
                .Where(x => x.line.Segments.Any(s => Overlapping(columns, s.Left, s.Right) is [var only] && columns[only] == column)).ToList();
            if (users.Count == 1 && users[0].index < 3) continue;
            kept.Add(column);
        }
        return kept.Count >= 2 ? kept : columns;
    }

    /// <summary>Cells between consecutive vertical rules crossing the run that hold text, or none when unruled.</summary>
    private static List<(double Left, double Right)> RuledColumns(IReadOnlyList<TextLine> lines, int start, int end, VerticalRules rules)
    {
        if (rules.IsEmpty) return [];
        double top = lines[start].Top, bottom = lines[end - 1].Bottom;
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

    /// <summary>
    /// Header lines above the run: up to <see cref="MaxHeaderLinesAbove"/> lines close above it, within its extent,
    /// whose segments each sit over its columns, that are neither a caption nor a sentence.
    /// </summary>
    private static int HeaderStart(IReadOnlyList<TextLine> lines, int start, List<(double Left, double Right)> columns, List<object> items)
    {
        double left = columns[0].Left, right = columns[^1].Right;
        var first = start;
        for (var k = start - 1; k >= 0 && start - k <= MaxHeaderLinesAbove; k--)
        {
            if (items.Count - (start - k) < 0 || !ReferenceEquals(items[items.Count - (start - k)], lines[k])) break;
            var line = lines[k];
            var below = lines[k + 1];
            if (line.Column != below.Column || line.Bottom - below.Top > WrapGapEm * line.FontSize) break;
            if (line.Left < left - 2 * line.FontSize || line.Right > right + 2 * line.FontSize) break;
            if (NumberedHeading.TryParseTableCaption(line.Text, out _) || TextJoin.EndsSentence(line.Text)) break;
            // Over the value columns, not the first column alone: a lone line at the left is prose or a row label.
            if (line.Segments.All(s => Overlapping(columns, s.Left, s.Right) is [0])) break;
            first = k;
        }
        return first;
    }

    private static List<(double Left, double Right)> Merge(IEnumerable<(double Left, double Right)> spans)
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

    /// <summary>The columns a segment lies over: those it overlaps by more than a point.</summary>
    private static List<int> Overlapping(List<(double Left, double Right)> columns, double left, double right)
    {
        var over = new List<int>(2);
        for (var c = 0; c < columns.Count; c++)
            if (left < columns[c].Right - 1 && right > columns[c].Left + 1) over.Add(c);
        return over;
    }

    /// <summary>
    /// The columns a segment's cell spans: the columns it covers for at least half their width; with none or one, the
    /// single column it overlaps most.
    /// </summary>
    private static (int First, int Last) Span(List<(double Left, double Right)> columns, TextSegment s)
    {
        int first = -1, last = -1, best = 0;
        var bestOverlap = double.MinValue;
        for (var c = 0; c < columns.Count; c++)
        {
            var overlap = Math.Min(columns[c].Right, s.Right) - Math.Max(columns[c].Left, s.Left);
            if (overlap > bestOverlap) { bestOverlap = overlap; best = c; }
            var width = Math.Max(1, columns[c].Right - columns[c].Left);
            if (overlap >= 0.5 * width)
            {
                if (first < 0) first = c;
                last = c;
            }
        }
        return first >= 0 && last > first ? (first, last) : (best, best);
    }

    private static DetectedTable Build(IReadOnlyList<TextLine> lines, int start, int end, List<(double Left, double Right)> columns)
    {
        var table = new DetectedTable(lines[start].Page, columns, ruled: false);
        var placed = new List<LineCells>(end - start);
        for (var k = start; k < end; k++) placed.Add(LineCells.Of(lines[k], columns));
        var anchor = AnchorColumn(placed, columns.Count);

        LineCells? previous = null;
        var rowLines = new List<LineCells>();
        foreach (var line in placed)
        {
            if (previous is not null && rowLines.Count > 0 && Continues(rowLines, previous, line, anchor))
                rowLines.Add(line);
            else
            {
                if (rowLines.Count > 0) table.Rows.Add(ToRow(rowLines, columns.Count));
                rowLines = [line];
            }
            previous = line;
        }
        if (rowLines.Count > 0) table.Rows.Add(ToRow(rowLines, columns.Count));
        return table;
    }

    /// <summary>The column that starts rows: the leftmost one that at least half the lines fill.</summary>
    private static int AnchorColumn(List<LineCells> lines, int columns)
    {
        for (var c = 0; c < columns; c++)
            if (lines.Count(l => l.Filled(c)) * 2 >= lines.Count) return c;
        return 0;
    }

    private static bool Continues(List<LineCells> row, LineCells previous, LineCells line, int anchor)
    {
        var size = Math.Max(previous.Line.FontSize, line.Line.FontSize);
        if (previous.Line.Bottom - line.Line.Top >= WrapGapEm * size) return false;
        if (line.HasSpan || previous.HasSpan) return false;
        if (!line.Filled(anchor)) return line.FilledCount > 0 && !row.Any(l => l.HasSpan);
        var anchorText = line.Text(anchor);
        var goesOn = WrappedLines.GoesOn(anchorText) || EndsMidPhrase(previous.Text(anchor));
        // A label line continued: either the values stood on the first line, or the label waited for them.
        if (line.FilledCount == 1) return goesOn && previous.Filled(anchor);
        return goesOn && row.All(l => l.FilledCount == 1 && l.Filled(anchor));
    }

    private static bool EndsMidPhrase(string text) =>
        text.Length > 0 && (text[^1] is ',' or '-' or '&' or '/' or '、' or '，'
                            || text.EndsWith(" and", StringComparison.Ordinal) || text.EndsWith(" of", StringComparison.Ordinal)
                            || text.EndsWith(" or", StringComparison.Ordinal) || text.EndsWith(" the", StringComparison.Ordinal)
                            || text.Count(c => c is '(' or '（' or '[' or '【') > text.Count(c => c is ')' or '）' or ']' or '】'));

    private static DetectedRow ToRow(List<LineCells> lines, int columns)
    {
        var cells = new DetectedCell?[columns];
        var texts = new List<TextSegment>?[columns];
        var spans = new int[columns];
        foreach (var line in lines)
            foreach (var (first, last, segment) in line.Cells)
            {
                (texts[first] ??= []).Add(segment);
                spans[first] = Math.Max(spans[first], last - first + 1);
            }
        for (var c = 0; c < columns; c++)
        {
            if (texts[c] is not { } segments) continue;
            cells[c] = new DetectedCell(CellText.Of(segments), Math.Max(1, spans[c])) { Bold = segments.All(s => s.Bold), Segments = segments };
        }
        // A spanning cell reaches at most to the next column with text of its own (no text is lost under a span).
        for (var c = 0; c < columns; c++)
        {
            if (cells[c] is not { } cell) continue;
            for (var k = c + 1; k < c + cell.ColSpan && k < columns; k++)
                if (cells[k] is not null) { cell.ColSpan = k - c; break; }
        }
        // Empty cells stay empty in their place, unless a spanning cell covers them.
        var covered = new bool[columns];
        for (var c = 0; c < columns; c++)
            if (cells[c] is { } cell)
                for (var k = c; k < c + cell.ColSpan && k < columns; k++) covered[k] = true;
        for (var c = 0; c < columns; c++)
            if (!covered[c]) cells[c] = new DetectedCell("");
        return new DetectedRow(cells, lines.Select(l => l.Line.Box).ToList(), lines[0].Line.Page);
    }

    /// <summary>One line's segments placed in the columns: (first column, last column, segment) each.</summary>
    private sealed class LineCells
    {
        private LineCells(TextLine line, List<(int First, int Last, TextSegment Segment)> cells)
        {
            Line = line;
            Cells = cells;
        }

        public TextLine Line { get; }
        public List<(int First, int Last, TextSegment Segment)> Cells { get; }
        public bool HasSpan => Cells.Any(c => c.Last > c.First);
        public int FilledCount => Cells.Select(c => c.First).Distinct().Count();

        public bool Filled(int column) => Cells.Any(c => c.First <= column && column <= c.Last);

        public string Text(int column) => string.Join(' ', Cells.Where(c => c.First == column).Select(c => c.Segment.Text));

        public static LineCells Of(TextLine line, List<(double Left, double Right)> columns) =>
            new(line, line.Segments.Select(s => { var (f, l) = Span(columns, s); return (f, l, s); }).ToList());
    }
}
