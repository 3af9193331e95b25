using System.Globalization;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// How a cell's shown text reads as a figure: "12,553", "-81", "(81)" (an accountant's negative), "30.31 %", and the
/// dashes that stand for nothing in a column of figures ("—"). A bare year (2023) is a label, not a figure: financial
/// tables head their columns with years. Also what rows of such cells say: whether a row holds a figure, whether rows
/// are a body of figures — one reading for the sheet's regions (<see cref="GridRegions"/>) and their headers
/// (<see cref="HeaderRows"/>).
/// </summary>
public static class NumericCell
{
    /// <summary>A figure, not a year: what makes a row data rather than header.</summary>
    public static bool IsFigure(string text)
    {
        var t = Strip(text);
        if (t.Length == 0 || IsPlaceholder(text)) return false;
        return !IsYear(t) && IsNumber(text);
    }

    /// <summary>A number of any kind, a year included ("2023", "(81)", "98%"); a dash is none.</summary>
    public static bool IsNumber(string text) =>
        double.TryParse(Strip(text), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);

    /// <summary>A figure, a year, or a dash standing for none: what a column of figures may hold below its header.</summary>
    public static bool IsFigureOrBlank(string text) => IsPlaceholder(text) || IsNumber(text);

    /// <summary>Whether the row holds a figure in any of the columns (its own cells, not a merged range's copies).</summary>
    public static bool RowHasFigure(CellGrid grid, int row, IEnumerable<int> columns) => columns.Any(c => IsFigure(grid.Own(row, c)));

    /// <summary>
    /// A body of figures, not of words: at least half of the rows holding anything in the columns hold a figure beside
    /// the first column.
    /// </summary>
    public static bool HoldFigures(CellGrid grid, IEnumerable<int> rows, IReadOnlyList<int> columns)
    {
        var filled = rows.Where(r => columns.Any(c => grid.Value(r, c).Length > 0)).ToList();
        return filled.Count > 0 && filled.Count(r => RowHasFigure(grid, r, columns.Skip(1))) * 2 >= filled.Count;
    }

    private static bool IsYear(string t) => t.Length == 4 && t.All(char.IsAsciiDigit) && (t.StartsWith("19") || t.StartsWith("20"));

    private static bool IsPlaceholder(string text) => text.Trim() is "—" or "–" or "-" or "－";

    private static string Strip(string text)
    {
        var t = text.Trim();
        if (t.Length > 2 && t[0] == '(' && t[^1] == ')') t = t[1..^1].Trim();
        return t.TrimEnd('%', '％').TrimEnd();
    }
}
