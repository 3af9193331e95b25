namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Splits a grid into separate tables: rows are cut into bands at blank rows, each band into parts at blank columns,
/// and each part again, until nothing splits further (sub-tables side by side and above each other, each with its
/// own title cell, come out apart). Excluded rows (already used by a process card) count as blank.
/// </summary>
public static class GridRegions
{
    private const int MaxDepth = 8;

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
        var parts = new List<GridRegion>();
        foreach (var (r0, r1) in bands)
        {
            var columns = Runs(area.FirstColumn, area.LastColumn,
                c => Enumerable.Range(r0, r1 - r0 + 1).Any(r => excluded?.Invoke(r) != true && grid.Value(r, c).Length > 0),
                c => grid.ColumnGapBefore[c]);
            parts.AddRange(columns.Select(c => new GridRegion(r0, c.First, r1, c.Last)));
        }
        if (parts.Count == 1 && parts[0] == area || depth >= MaxDepth)
        {
            output.AddRange(parts);
            return;
        }
        foreach (var part in parts) Split(grid, part, excluded, output, depth + 1);
    }

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
