using System.Globalization;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Combines a table's header rows into one name per column. A second (third) row belongs to the header when the row
/// above is merged across columns it names one by one ('切削参数' over '转速 r/min', '进给 mm/r') — the other header
/// cells usually reach down into it by a vertical merge — and it holds no numbers. Names join top to bottom into a
/// path, as PDF tables' do (<see cref="TableColumns"/>): '切削参数 › 转速 r/min'; a cell merged down through both rows
/// gives its name once ('工序号').
/// </summary>
public static class HeaderRows
{
    public const int MaxHeaderRows = 3;

    /// <returns>The column names for columns first..last and the last header row.</returns>
    public static (IReadOnlyList<string> Names, int LastRow) Combine(CellGrid grid, int top, int first, int last, Func<int, bool>? mustStop = null)
    {
        var bottom = top;
        while (bottom + 1 < grid.Rows && bottom - top + 1 < MaxHeaderRows && Continues(grid, bottom, first, last) && mustStop?.Invoke(bottom + 1) != true)
            bottom++;
        var rows = new List<IReadOnlyList<string>>(bottom - top + 1);
        for (var r = top; r <= bottom; r++)
            rows.Add(Enumerable.Range(first, last - first + 1).Select(c => Clean(grid.Value(r, c))).ToList());
        var names = TableColumns.Paths(rows);
        return (names, bottom);
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
                if (IsNumber(own)) return false;
                if (grid.IsHorizontalContinuation(row, c) || c < last && grid.IsHorizontalContinuation(row, c + 1)) mergedAcross = true;
            }
        }
        // Cells merged down alone do not make a header row: a data table's first column is often merged down
        // (a group label over its rows). A header row below a header names the parts of a cell merged across.
        return hasOwn && mergedAcross;
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
}
