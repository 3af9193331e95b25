namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Splits a grid into separate tables: rows are cut into bands at blank rows, each band into parts at blank columns,
/// and each part again, until nothing splits further (sub-tables side by side and above each other, each with its
/// own title cell, come out apart). Excluded rows (already used by a process card) count as blank.
/// A financial statement's layout is one table, though blank rows and columns run through it: a header band (at most
/// three rows without figures, naming columns the band below uses) above a blank row joins the figures below it, and
/// a run of columns holding only figures beside a blank spacer column joins the columns to its left, whose rows it
/// continues — it has no key of its own. Side-by-side tables each keep their own key column, so they still split.
/// </summary>
public static class GridRegions
{
    private const int MaxDepth = 8;

    /// <summary>Blank rows a layout leaves between a table's column names and its figures.</summary>
    private const int MaxBlankRowsUnderHeader = 2;

    public static IReadOnlyList<GridRegion> Find(CellGrid grid, Func<int, bool>? isExcludedRow = null)
    {
        var regions = new List<GridRegion>();
        if (grid.Rows > 0 && grid.Columns > 0) Split(grid, new GridRegion(0, 0, grid.Rows - 1, grid.Columns - 1), isExcludedRow, regions, 0);
        return regions;
    }

    private static void Split(CellGrid grid, GridRegion area, Func<int, bool>? excluded, List<GridRegion> output, int depth)
    {
        var bands = Runs(area.FirstRow, area.LastRow,
            r => excluded?.Invoke(r) != true && !grid.RowIsEmpty(r, area.FirstColumn, area.LastColumn),
            r => grid.RowGapBefore[r]);
        // A band of column names above a blank row joins the band of figures below it.
        bands = Join(bands, (header, body) => IsHeaderBandOver(grid, header, body, area.FirstColumn, area.LastColumn, excluded));
        var parts = new List<GridRegion>();
        foreach (var (r0, r1) in bands)
        {
            var columns = Runs(area.FirstColumn, area.LastColumn,
                c => Enumerable.Range(r0, r1 - r0 + 1).Any(r => excluded?.Invoke(r) != true && grid.Value(r, c).Length > 0),
                c => grid.ColumnGapBefore[c]);
            // A run of columns holding only figures, right of a blank spacer column, continues the columns to its left.
            columns = Join(columns, (left, run) => ContinuesRows(grid, left, run, r0, r1, excluded));
            parts.AddRange(columns.Select(c => new GridRegion(r0, c.First, r1, c.Last)));
        }
        if (parts.Count == 1 && parts[0] == area || depth >= MaxDepth)
        {
            output.AddRange(parts);
            return;
        }
        foreach (var part in parts) Split(grid, part, excluded, output, depth + 1);
    }

    /// <summary>Runs in order, each joined into the one before it where <paramref name="joins"/> says it goes on from it.</summary>
    private static List<(int First, int Last)> Join(List<(int First, int Last)> runs, Func<(int First, int Last), (int First, int Last), bool> joins)
    {
        var joined = new List<(int First, int Last)>();
        foreach (var run in runs)
        {
            if (joined.Count > 0 && joins(joined[^1], run)) joined[^1] = (joined[^1].First, run.Last);
            else joined.Add(run);
        }
        return joined;
    }

    private static bool IsHeaderBandOver(CellGrid grid, (int First, int Last) header, (int First, int Last) body, int c0, int c1, Func<int, bool>? excluded)
    {
        if (header.Last - header.First + 1 > HeaderRows.MaxHeaderRows) return false;
        if (Enumerable.Range(header.Last + 1, body.First - header.Last - 1).Any(r => excluded?.Invoke(r) == true)) return false;
        if (grid.RowNumbers.Count > body.First && grid.RowNumbers[body.First] - grid.RowNumbers[header.Last] > MaxBlankRowsUnderHeader + 1) return false;
        var named = new HashSet<int>();
        for (var r = header.First; r <= header.Last; r++)
            for (var c = c0; c <= c1; c++)
            {
                var own = grid.Own(r, c);
                if (own.Length == 0) continue;
                if (NumericCell.IsFigure(own)) return false;
                named.Add(c);
            }
        if (named.Count < 2) return false; // a lone title or heading stays apart
        var used = Range(c0, c1).Where(c => Range(body.First, body.Last).Any(r => grid.Value(r, c).Length > 0));
        return named.IsSubsetOf(used) && NumericCell.HoldFigures(grid, Range(body.First, body.Last), Range(c0, c1));
    }

    private static bool ContinuesRows(CellGrid grid, (int First, int Last) left, (int First, int Last) run, int r0, int r1, Func<int, bool>? excluded)
    {
        var rows = Enumerable.Range(r0, r1 - r0 + 1).Where(r => excluded?.Invoke(r) != true).ToList();
        // Column names above the first row of figures may be words; below it, every cell must be a figure or a dash.
        var firstFigureRow = rows.FirstOrDefault(r => NumericCell.RowHasFigure(grid, r, Range(run.First, run.Last)), -1);
        if (firstFigureRow < 0) return false;
        foreach (var r in rows)
        {
            var cells = Enumerable.Range(run.First, run.Last - run.First + 1).Select(c => grid.Own(r, c)).Where(t => t.Length > 0).ToList();
            if (cells.Count == 0) continue;
            if (r >= firstFigureRow && !cells.All(NumericCell.IsFigureOrBlank)) return false;
            if (grid.RowIsEmpty(r, left.First, left.Last)) return false; // a row of its own: not a continuation
        }
        return true;
    }

    private static List<int> Range(int first, int last) => Enumerable.Range(first, last - first + 1).ToList();

    /// <summary>Maximal runs of used indexes with no unused index and no gap between them.</summary>
    private static List<(int First, int Last)> Runs(int first, int last, Func<int, bool> used, Func<int, bool> gapBefore)
    {
        var runs = new List<(int, int)>();
        int? start = null;
        var end = first;
        for (var i = first; i <= last; i++)
        {
            if (!used(i))
            {
                if (start is not null) runs.Add((start.Value, end));
                start = null;
                continue;
            }
            if (start is not null && gapBefore(i))
            {
                runs.Add((start.Value, end));
                start = null;
            }
            start ??= i;
            end = i;
        }
        if (start is not null) runs.Add((start.Value, end));
        return runs;
    }
}
