namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// A table of cell texts as a reader found it (a worksheet or a Word table), with merged ranges expanded: every cell
/// of a merged range reports the range's text, and knows the cell it came from, so an operations row can name the
/// header above each of its cells. Rows and columns that hold nothing are left out of a worksheet's grid; the
/// <see cref="RowGapBefore"/>/<see cref="ColumnGapBefore"/> flags remember where blank ones were, which is what
/// separates several tables on one sheet.
/// </summary>
public sealed class CellGrid
{
    private readonly string[,] _values;
    private readonly (int Row, int Column)[,] _origin;
    private readonly Func<int, int, int, int, string> _locator;

    internal CellGrid(string[,] values, (int, int)[,] origin, bool[] rowGapBefore, bool[] columnGapBefore,
        Func<int, int, int, int, string> locator)
    {
        _values = values;
        _origin = origin;
        RowGapBefore = rowGapBefore;
        ColumnGapBefore = columnGapBefore;
        _locator = locator;
    }

    /// <summary>The worksheet's 1-based row number of each grid row (for a Word table, the row's position).</summary>
    internal IReadOnlyList<int> RowNumbers { get; init; } = [];

    /// <summary>The worksheet's 1-based column number of each grid column.</summary>
    internal IReadOnlyList<int> ColumnNumbers { get; init; } = [];

    public int Rows => _values.GetLength(0);
    public int Columns => _values.GetLength(1);
    public IReadOnlyList<bool> RowGapBefore { get; }
    public IReadOnlyList<bool> ColumnGapBefore { get; }

    /// <summary>The text shown in the cell, a merged range's text in each of its cells.</summary>
    public string Value(int row, int column) => _values[row, column];

    /// <summary>The cell's own text: empty for the continuation cells of a merged range.</summary>
    public string Own(int row, int column) => IsContinuation(row, column) ? "" : _values[row, column];

    public bool IsContinuation(int row, int column) => _origin[row, column] != (row, column);

    /// <summary>A continuation cell in the same row as its merged range's first cell (a horizontal merge).</summary>
    public bool IsHorizontalContinuation(int row, int column) => _origin[row, column].Row == row && _origin[row, column].Column != column;

    /// <summary>A continuation cell below its merged range's first cell (a vertical merge).</summary>
    public bool IsVerticalContinuation(int row, int column) => _origin[row, column].Row != row;

    public bool RowIsEmpty(int row, int firstColumn = 0, int lastColumn = int.MaxValue)
    {
        for (var c = firstColumn; c <= Math.Min(lastColumn, Columns - 1); c++)
            if (_values[row, c].Length > 0) return false;
        return true;
    }

    /// <summary>Where a citation points for a range of grid cells: "Sheet1!A14:K14" or "table 2 row 5".</summary>
    public string Locator(int firstRow, int firstColumn, int lastRow, int lastColumn) => _locator(firstRow, firstColumn, lastRow, lastColumn);
}
