namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Reading order for one- and two-column pages, by the white gutter between columns instead of a full layout analysis:
/// the x-axis is covered with every segment narrower than 60 % of the text width, but for a line alone in its row and
/// centred on the page (a title, a byline, a running header: it spans the columns); the widest run in the middle half of
/// the page that no segment covers — or, failing one, that no more than one segment in twenty rows covers (a journal's
/// header line may cross it; trimmed to where the lines ending or starting in it leave off) —, at least <see cref="MinGutter"/>
/// wide, is a gutter when each side holds at least three segments and is mostly prose (half its text in lines running
/// nearly across the column — a figure's labels beside them do not count against it; the short cells of a two-column
/// table do), both sides share a vertical range, no line crossing it stands between the columns' lines, and no
/// vertical rule runs through it (that is a ruled table's column). Rows are then read top-down; a row with a segment
/// crossing the gutter (a title, a full-width table) closes the band above it, whose left column is read before its right column. One or two narrow lines closing a band from
/// below — set apart from their column by more than its line spacing and lying below the other column's last line, with a
/// full-width row after them — start the full-width text (a heading such as "6 润滑油更换周期" after balanced two-column
/// text), so it is read after both columns, not between them.
/// </summary>
internal static class ColumnLayout
{
    private const double MinGutter = 8;
    private const double BinWidth = 2;
    private const double CentredTolerance = 0.03;
    private const int MinRowsPerCrossingLine = 20;
    private const double ProseLineFill = 0.8;
    private const double MinProseShare = 0.5;

    public static List<TextLine> Order(int page, List<List<TextSegment>> rows, VerticalRules rules)
    {
        var lines = new List<TextLine>(rows.Count);
        if (rows.Count == 0) return lines;
        rows.Sort((a, b) => b[0].Bottom.CompareTo(a[0].Bottom));
        var gutter = FindGutter(rows, rules);
        if (gutter is null)
        {
            foreach (var row in rows) lines.Add(new TextLine(page, 0, row));
            return lines;
        }

        var (g0, g1) = gutter.Value;
        var left = new List<TextLine>();
        var right = new List<TextLine>();
        foreach (var row in rows)
        {
            if (row.Any(s => s.Left < g0 - 1 && s.Right > g1 + 1))
            {
                var lead = SpanningLead(left, right) ?? SpanningLead(right, left) ?? [];
                Flush();
                lines.AddRange(lead.Select(l => new TextLine(page, 0, l.Segments)));
                lines.Add(new TextLine(page, 0, row));
                continue;
            }
            var l = row.Where(s => s.Right <= g1).ToList();
            var r = row.Where(s => s.Right > g1).ToList();
            if (l.Count > 0) left.Add(new TextLine(page, 1, l));
            if (r.Count > 0) right.Add(new TextLine(page, 2, r));
        }
        Flush();
        return lines;

        void Flush()
        {
            lines.AddRange(left);
            lines.AddRange(right);
            left.Clear();
            right.Clear();
        }
    }

    /// <summary>
    /// The last one or two lines of <paramref name="side"/> when they lead into the full-width row below rather than end
    /// their column: they lie wholly below the other column's last line and are set apart from the line above them by
    /// more than the column's usual line spacing (a heading's space above it; the spare line of balanced columns keeps
    /// the usual spacing). Removed from <paramref name="side"/>; null when there are none.
    /// </summary>
    private static List<TextLine>? SpanningLead(List<TextLine> side, List<TextLine> other)
    {
        const int MaxLeadLines = 2;
        if (side.Count < 3 || other.Count == 0) return null;
        var otherBottom = other.Min(l => l.Bottom);
        var first = side.Count;
        while (first > 0 && side[first - 1].Top < otherBottom) first--;
        if (first == side.Count || first < 2) return null;

        var gaps = new List<double>();
        for (var i = 1; i < first; i++) gaps.Add(side[i - 1].Bottom - side[i].Top);
        var usual = Median(gaps);
        // The balanced columns' spare line may come first, at the usual spacing; the lead starts at the wide gap.
        first = Math.Max(first, side.Count - MaxLeadLines);
        while (first < side.Count && side[first - 1].Bottom - side[first].Top <= usual + 0.5 * side[first].FontSize) first++;
        if (first == side.Count) return null;

        var taken = side.GetRange(first, side.Count - first);
        side.RemoveRange(first, side.Count - first);
        return taken;
    }

    private static (double Start, double End)? FindGutter(List<List<TextSegment>> rows, VerticalRules rules)
    {
        double minX = double.MaxValue, maxX = double.MinValue;
        var count = 0;
        foreach (var row in rows)
            foreach (var s in row)
            {
                minX = Math.Min(minX, s.Left);
                maxX = Math.Max(maxX, s.Right);
                count++;
            }
        var width = maxX - minX;
        if (count < 6 || width < 100) return null;

        var bins = (int)(width / BinWidth) + 2;
        var cover = new int[bins + 1];
        var centre = (minX + maxX) / 2;
        // A line across the text width, or alone in its row and centred on the page (a paper's title, its authors, a
        // running header), spans both columns: it closes a band, it does not fill the gutter.
        bool Spans(List<TextSegment> row, TextSegment s) =>
            s.Width > 0.6 * width || row.Count == 1 && Math.Abs((s.Left + s.Right) / 2 - centre) < CentredTolerance * width;
        foreach (var row in rows)
            foreach (var s in row.Where(s => !Spans(row, s)))
            {
                cover[(int)((s.Left - minX) / BinWidth)]++;
                cover[Math.Min(bins, (int)((s.Right - minX) / BinWidth) + 1)]--;
            }

        int from = (int)(0.25 * width / BinWidth), to = (int)(0.75 * width / BinWidth);
        var (bestStart, bestLength) = WidestRun(cover, from, to, 0);
        // Failing a clear band: a few lines above or below the columns (a journal's header line, a note) may run across.
        if (bestLength * BinWidth < MinGutter) (bestStart, bestLength) = WidestRun(cover, from, to, rows.Count / MinRowsPerCrossingLine);
        if (bestLength * BinWidth < MinGutter) return null;
        var g0 = minX + bestStart * BinWidth;
        var g1 = g0 + bestLength * BinWidth;
        // A run found past a few crossing lines may take in the ends of justified lines that reach a point or two into
        // it: the gutter is what lies between the lines that end in it and those that start in it.
        foreach (var row in rows)
            foreach (var segment in row.Where(s => !Spans(row, s)))
            {
                if (segment.Left < g0 && segment.Right > g0 && segment.Right < g1) g0 = segment.Right;
                else if (segment.Right > g1 && segment.Left > g0 && segment.Left < g1) g1 = segment.Left;
            }
        if (g1 - g0 < MinGutter / 2) return null;
        // A ruling line inside the white band is a table's cell border: the band is a table column gap, not a gutter.
        if (rules.Crossing(g0, g1, double.MinValue, double.MaxValue).Count > 0) return null;

        // Both sides must look like columns of prose that overlap vertically.
        var leftSegments = rows.SelectMany(r => r).Where(s => s.Right <= g0 + 1).ToList();
        var rightSegments = rows.SelectMany(r => r).Where(s => s.Left >= g1 - 1).ToList();
        if (leftSegments.Count < 3 || rightSegments.Count < 3) return null;
        // Columns of prose are mostly lines that run nearly across their column: at least half of each side's text (by
        // width) lies in such lines. A figure's labels or a bullet's short last line beside them do not change that (a
        // datasheet's block diagram next to its description); the cells of a two-column table (names | relation) fill
        // their column by half, however long some names are, so the table stays rows.
        if (ProseShare(leftSegments, g0 - minX) < MinProseShare || ProseShare(rightSegments, maxX - g1) < MinProseShare) return null;
        var overlapTop = Math.Min(leftSegments.Max(s => s.Top), rightSegments.Max(s => s.Top));
        var overlapBottom = Math.Max(leftSegments.Min(s => s.Bottom), rightSegments.Min(s => s.Bottom));
        if (overlapTop <= overlapBottom) return null;
        // The lines let across the gutter stand above or below the columns, never between their lines (a table's row).
        bool Crosses(TextSegment s) => s.Left < g1 && s.Right > g0;
        var across = rows.SelectMany(r => r.Where(s => !Spans(r, s) && Crosses(s)));
        return across.Any(s => s.Top > overlapBottom && s.Bottom < overlapTop) ? null : (g0, g1);
    }

    /// <summary>The widest run of bins between <paramref name="from"/> and <paramref name="to"/> that at most <paramref name="maxLevel"/> segments cover.</summary>
    private static (int Start, int Length) WidestRun(int[] cover, int from, int to, int maxLevel)
    {
        int bestStart = -1, bestLength = 0, runStart = -1, level = 0;
        for (var i = 0; i <= to; i++)
        {
            level += cover[i];
            if (i < from) continue;
            if (level <= maxLevel)
            {
                if (runStart < 0) runStart = i;
                if (i - runStart + 1 > bestLength) { bestLength = i - runStart + 1; bestStart = runStart; }
            }
            else runStart = -1;
        }
        return (bestStart, bestLength);
    }

    /// <summary>The share of the segments' total width that lies in segments at least <see cref="ProseLineFill"/> of <paramref name="columnWidth"/> wide.</summary>
    private static double ProseShare(List<TextSegment> segments, double columnWidth)
    {
        var total = segments.Sum(s => s.Width);
        return total <= 0 ? 0 : segments.Where(s => s.Width >= ProseLineFill * columnWidth).Sum(s => s.Width) / total;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
