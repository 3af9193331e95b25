namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Collects cells by their row and column numbers (sparse, any order) and merged ranges, then builds a
/// <see cref="CellGrid"/> that keeps only the rows and columns holding something.
/// </summary>
internal sealed class CellGridBuilder
{
    /// <summary>A merged range is expanded into at most this many cells; beyond it the range keeps its first cell only.</summary>
    private const int MaxMergeArea = 10_000;

    private readonly Dictionary<(int Row, int Column), string> _cells = [];
    private readonly List<(int R0, int C0, int R1, int C1)> _merges = [];

    public int Count => _cells.Count;

    public void Set(int row, int column, string text)
    {
        if (text.Length > 0) _cells[(row, column)] = text;
    }

    public void Merge(int firstRow, int firstColumn, int lastRow, int lastColumn) =>
        _merges.Add((Math.Min(firstRow, lastRow), Math.Min(firstColumn, lastColumn), Math.Max(firstRow, lastRow), Math.Max(firstColumn, lastColumn)));

    /// <param name="locator">Locator for original (row, column) numbers: first row, first column, last row, last column.</param>
    /// <param name="isSkippedRow">Rows that are hidden: left out, and not counted as a gap.</param>
    /// <param name="gaps">Whether missing rows and columns separate tables (worksheets); a Word table is one table.</param>
    public CellGrid Build(Func<int, int, int, int, string> locator, Func<int, bool>? isSkippedRow = null, Func<int, bool>? isSkippedColumn = null, bool gaps = true)
    {
        var origin = new Dictionary<(int, int), (int, int)>();
        var values = new Dictionary<(int, int), string>(_cells);
        if (_cells.Count > 0)
        {
            var maxRow = _cells.Keys.Max(k => k.Row);
            var maxColumn = _cells.Keys.Max(k => k.Column);
            foreach (var (r0, c0, r1, c1) in _merges)
            {
                if (!_cells.TryGetValue((r0, c0), out var text)) continue;
                // Clip to the used area: a merge over whole rows or columns must not expand into millions of cells.
                var (lastRow, lastColumn) = (Math.Min(r1, maxRow), Math.Min(c1, maxColumn));
                if ((long)(lastRow - r0 + 1) * (lastColumn - c0 + 1) > MaxMergeArea) continue;
                for (var r = r0; r <= lastRow; r++)
                    for (var c = c0; c <= lastColumn; c++)
                    {
                        if (r == r0 && c == c0) continue;
                        values[(r, c)] = text;
                        origin[(r, c)] = (r0, c0);
                    }
            }
        }

        var rowNumbers = values.Keys.Select(k => k.Item1).Where(r => isSkippedRow?.Invoke(r) != true).Distinct().Order().ToArray();
        var columnNumbers = values.Keys.Select(k => k.Item2).Where(c => isSkippedColumn?.Invoke(c) != true).Distinct().Order().ToArray();
        var rowIndex = rowNumbers.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var columnIndex = columnNumbers.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);

        var grid = new string[rowNumbers.Length, columnNumbers.Length];
        var origins = new (int, int)[rowNumbers.Length, columnNumbers.Length];
        for (var r = 0; r < rowNumbers.Length; r++)
            for (var c = 0; c < columnNumbers.Length; c++)
            {
                grid[r, c] = "";
                origins[r, c] = (r, c);
            }
        foreach (var ((row, column), text) in values)
        {
            if (!rowIndex.TryGetValue(row, out var r) || !columnIndex.TryGetValue(column, out var c)) continue;
            grid[r, c] = text;
            if (origin.TryGetValue((row, column), out var o))
                // A merged range whose first cell is in a hidden row or column: the cell stands on its own.
                origins[r, c] = rowIndex.TryGetValue(o.Item1, out var orow) && columnIndex.TryGetValue(o.Item2, out var ocol) ? (orow, ocol) : (r, c);
        }

        var rowGaps = gaps ? Gaps(rowNumbers, isSkippedRow) : new bool[rowNumbers.Length];
        var columnGaps = gaps ? Gaps(columnNumbers, isSkippedColumn) : new bool[columnNumbers.Length];
        return new CellGrid(grid, origins, rowGaps, columnGaps,
            (r0, c0, r1, c1) => locator(rowNumbers[r0], columnNumbers[c0], rowNumbers[r1], columnNumbers[c1]))
        {
            RowNumbers = rowNumbers,
            ColumnNumbers = columnNumbers,
        };
    }

    /// <summary>A gap before an entry when a number between it and the previous one is missing and not skipped.</summary>
    private static bool[] Gaps(int[] numbers, Func<int, bool>? isSkipped)
    {
        var gaps = new bool[numbers.Length];
        for (var i = 1; i < numbers.Length; i++)
        {
            for (var n = numbers[i - 1] + 1; n < numbers[i] && !gaps[i]; n++)
                if (isSkipped?.Invoke(n) != true) gaps[i] = true;
            // Long stretches of hidden rows are rare; the loop stops at the first visible blank.
        }
        return gaps;
    }
}
