namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Combines a table's header rows into one name per column. A second (third) row belongs to the header when the row
/// above is merged across columns it names one by one ('切削参数' over '转速 r/min', '进给 mm/r') — the other header
/// cells usually reach down into it by a vertical merge — and it holds no numbers. Names join top to bottom into a
/// path, as PDF tables' do (<see cref="TableColumns"/>): '切削参数 › 转速 r/min'; a cell merged down through both rows
/// gives its name once ('工序号').
/// Above a body of figures (a financial statement), the rows without figures over the first row of them are the
/// header, merged or not ('In millions of CHF … January–June 2023' over 'Sales', 'Trading operating profit'); and a
/// label standing alone in an upper header row names the columns around it: those of its block between blank spacer
/// columns, or every column when it is the row's only label beside the first column.
/// </summary>
public static class HeaderRows
{
    public const int MaxHeaderRows = 3;

    /// <returns>The column names for columns first..last and the last header row.</returns>
    public static (IReadOnlyList<string> Names, int LastRow) Combine(CellGrid grid, int top, int first, int last, Func<int, bool>? mustStop = null) =>
        Combine(grid, top, Enumerable.Range(first, last - first + 1).ToList(), mustStop);

    /// <param name="columns">The table's columns, left to right; a skipped index is a blank spacer column.</param>
    /// <param name="lastRow">The table's last row, when rows above a body of figures may be its header (see above).</param>
    /// <returns>The column names for the columns and the last header row.</returns>
    public static (IReadOnlyList<string> Names, int LastRow) Combine(CellGrid grid, int top, IReadOnlyList<int> columns, Func<int, bool>? mustStop = null,
        int? lastRow = null)
    {
        var (first, last) = (columns[0], columns[^1]);
        var bottom = top;
        while (bottom + 1 < grid.Rows && bottom - top + 1 < MaxHeaderRows && Continues(grid, bottom, first, last) && mustStop?.Invoke(bottom + 1) != true)
            bottom++;
        if (bottom == top && lastRow is { } end) bottom = OverFigures(grid, top, end, columns, mustStop);
        var rows = new List<IReadOnlyList<string>>(bottom - top + 1);
        for (var r = top; r <= bottom; r++)
        {
            var row = columns.Select(c => Clean(grid.Value(r, c))).ToList();
            rows.Add(r < bottom ? SpreadLoneLabels(grid, row, columns) : row);
        }
        var names = TableColumns.Paths(rows);
        return (names, bottom);
    }

    /// <summary>The last of the rows without figures at the top, when figures fill the rows below them; else the top row.</summary>
    private static int OverFigures(CellGrid grid, int top, int end, IReadOnlyList<int> columns, Func<int, bool>? mustStop)
    {
        var r = top;
        while (r <= end && r - top < MaxHeaderRows && !NumericCell.RowHasFigure(grid, r, columns) && (r == top || mustStop?.Invoke(r) != true)) r++;
        if (r == top + 1 || r > end || !NumericCell.RowHasFigure(grid, r, columns)) return top;
        return NumericCell.HoldFigures(grid, Enumerable.Range(r, end - r + 1), columns) ? r - 1 : top;
    }

    /// <summary>
    /// An upper header row's label, not merged, names the columns of its block between blank spacer columns when it is
    /// the block's only label ('January–June 2023' over two columns), or all columns but the first when it is the
    /// row's only label there.
    /// </summary>
    private static List<string> SpreadLoneLabels(CellGrid grid, List<string> row, IReadOnlyList<int> columns)
    {
        var labelled = Enumerable.Range(1, row.Count - 1).Where(i => row[i].Length > 0).ToList();
        if (labelled.Count == 0) return row;
        var spread = new List<string>(row);
        var blocks = labelled.Count == 1 ? [(1, row.Count - 1)] : Blocks(grid, columns);
        foreach (var (b0, b1) in blocks)
        {
            var inBlock = labelled.Where(i => i >= b0 && i <= b1).ToList();
            if (inBlock.Count != 1) continue;
            for (var i = b0; i <= b1; i++)
                if (spread[i].Length == 0) spread[i] = row[inBlock[0]];
        }
        return spread;
    }

    /// <summary>Ranges of positions in columns (the first column left out) between blank spacer columns; none without them.</summary>
    private static List<(int First, int Last)> Blocks(CellGrid grid, IReadOnlyList<int> columns)
    {
        var blocks = new List<(int, int)>();
        var start = 1;
        for (var i = 2; i < columns.Count; i++)
            if (columns[i] > columns[i - 1] + 1 || grid.ColumnGapBefore[columns[i]])
            {
                blocks.Add((start, i - 1));
                start = i;
            }
        if (blocks.Count == 0) return [];
        blocks.Add((start, columns.Count - 1));
        return blocks;
    }

    /// <summary>Header text on one line: embedded line breaks become spaces.</summary>
    public static string Clean(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool Continues(CellGrid grid, int row, int first, int last)
    {
        var next = row + 1;
        var mergedAcross = false;
        var hasOwn = false;
        for (var c = first; c <= last; c++)
        {
            var own = grid.Own(next, c);
            if (own.Length > 0)
            {
                hasOwn = true;
                if (NumericCell.IsNumber(own)) return false;
                if (grid.IsHorizontalContinuation(row, c) || c < last && grid.IsHorizontalContinuation(row, c + 1)) mergedAcross = true;
            }
        }
        // Cells merged down alone do not make a header row: a data table's first column is often merged down
        // (a group label over its rows). A header row below a header names the parts of a cell merged across.
        return hasOwn && mergedAcross;
    }
}
