using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// A table found on a page (and joined with its continuations on the following pages): its column extents on its
/// first page, its rows, and how many of the first rows are header rows (0: the table has no header row).
/// </summary>
internal sealed class DetectedTable(int page, IReadOnlyList<(double Left, double Right)> columns, bool ruled)
{
    public int Page { get; } = page;
    public IReadOnlyList<(double Left, double Right)> Columns { get; } = columns;
    /// <summary>Found from ruling lines (cells are the boxes the rules draw) rather than from alignment.</summary>
    public bool Ruled { get; } = ruled;
    public List<DetectedRow> Rows { get; } = [];
    public int HeaderRows { get; set; }
    /// <summary>The last of <see cref="HeaderRows"/> that are the header's labels wrapped onto further lines (序/号, 注册/资本): each continues the label above it.</summary>
    public int WrappedHeaderRows { get; set; }
    public string? Caption { get; set; }
    /// <summary>Last page the table reaches once continuations on following pages are joined to it.</summary>
    public int LastPage { get; set; } = page;

    /// <summary>
    /// For every (row, column) the cell that covers it: the cell starting there, or a cell spanning to it from above or
    /// from the left; null where nothing does.
    /// </summary>
    public DetectedCell?[,] Coverage()
    {
        var grid = new DetectedCell?[Rows.Count, Columns.Count];
        for (var r = 0; r < Rows.Count; r++)
        {
            var cells = Rows[r].Cells;
            for (var c = 0; c < cells.Length && c < Columns.Count; c++)
            {
                if (cells[c] is not { } cell) continue;
                for (var rr = r; rr < Math.Min(Rows.Count, r + cell.RowSpan); rr++)
                    for (var cc = c; cc < Math.Min(Columns.Count, c + cell.ColSpan); cc++)
                        grid[rr, cc] ??= cell;
            }
        }
        return grid;
    }

    /// <summary>
    /// Each row's text per column with spans filled in: a cell spanning rows gives its text to each row; a cell spanning
    /// columns gives it to each column, or only to its first when <paramref name="repeatAcross"/> is false (a body cell
    /// written once, while a header label names every column under it).
    /// </summary>
    public List<string[]> ExpandedRows(bool repeatAcross = true)
    {
        var grid = Coverage();
        var rows = new List<string[]>(Rows.Count);
        for (var r = 0; r < Rows.Count; r++)
        {
            var texts = new string[Columns.Count];
            for (var c = 0; c < texts.Length; c++)
                texts[c] = grid[r, c] is { } cell && (repeatAcross || c == 0 || !ReferenceEquals(grid[r, c - 1], cell)) ? cell.Text : "";
            rows.Add(texts);
        }
        return rows;
    }
}

/// <summary>One table cell: its text and how many rows and columns it spans from where it starts.</summary>
internal sealed class DetectedCell(string text, int colSpan = 1, int rowSpan = 1)
{
    public string Text { get; set; } = text;
    public int ColSpan { get; set; } = colSpan;
    public int RowSpan { get; set; } = rowSpan;
    public bool Bold { get; set; }
    public PageBox? Box { get; set; }
    /// <summary>The text segments the cell was made of (for splitting rows that have no rule between them).</summary>
    public IReadOnlyList<TextSegment> Segments { get; set; } = [];
}

/// <summary>
/// One table row: per column the cell that starts there (null where the row has none, or where a spanning cell from the
/// left or from above covers the place), the page it stands on and the boxes of its lines.
/// </summary>
internal sealed class DetectedRow(DetectedCell?[] cells, List<PageBox> boxes, int page)
{
    public DetectedCell?[] Cells { get; } = cells;
    public List<PageBox> Boxes { get; } = boxes;
    public int Page { get; } = page;

    public bool IsEmpty => Cells.All(c => c is null || c.Text.Length == 0);

    /// <summary>The row's cells that hold text, left to right.</summary>
    public List<DetectedCell> Filled => Cells.Where(c => c is { Text.Length: > 0 }).Select(c => c!).ToList();
}
